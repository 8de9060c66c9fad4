using OpenCpm.Core.Configuration;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Display;

/// <summary>
/// The Display Text settings for the API and the web UI: a saved text is shown as it will be on the station, with the
/// units "Wh" and "kWh" taken out (manual 8.1.6) and a notice saying so.
/// </summary>
internal sealed class DisplayTexts(SettingsService settings)
{
    public Task<DisplaySettings> GetAsync(CancellationToken cancellationToken) => settings.GetAsync<DisplaySettings>(cancellationToken);

    public async Task<DisplayTextsOutcome> UpdateAsync(DisplaySettings wanted, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var (cleaned, notices) = Clean(wanted);
        var outcome = await settings.UpdateAsync<DisplaySettings>(_ => cleaned, actor, "the display texts", cancellationToken);
        return outcome.IsSaved ? new DisplayTextsOutcome(outcome.Value, [], notices) : new DisplayTextsOutcome(null, outcome.Errors, notices);
    }

    /// <summary>Each text as the station will show it, and a notice for every text whose units were taken out.</summary>
    public static (DisplaySettings Settings, IReadOnlyList<string> Notices) Clean(DisplaySettings wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var notices = new List<string>();
        var texts = (wanted.Texts ?? []).Select(t =>
        {
            if (t.Text is not { } text || DisplayTextRules.Check(text) is not { IsValid: true } check)
            {
                return t; // validation says what is wrong
            }

            if (check.RemovedUnits.Count > 0)
            {
                notices.Add($"The text of {t.Event}: {string.Join(" and ", check.RemovedUnits)} taken out (units of energy are reserved for the energy the station shows); it is \"{check.Text}\".");
            }

            return t with { Text = check.Text.Length == 0 ? null : check.Text };
        });
        return (wanted with { Texts = [.. texts] }, notices);
    }
}
