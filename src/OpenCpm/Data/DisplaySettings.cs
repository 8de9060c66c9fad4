using OpenCpm.Core.Configuration;

namespace OpenCpm.Data;

/// <summary>
/// Texts the stations' displays show at the controller's events (manual 8.1.6, Display Text): a language whose
/// defaults apply to every event without a text of its own, and per event a text and how long it stays. Off by
/// default: stations show their own texts until the operator turns this on.
/// </summary>
internal sealed record DisplaySettings : ISettingsDocument<DisplaySettings>
{
    public const int MaxDurationSeconds = 300;

    public static string Key => "display";

    public static DisplaySettings Default { get; } = new();

    public bool Enabled { get; init; }

    /// <summary>One of <see cref="DisplayDefaults.Languages"/>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The events with their own text or duration (at most one entry per event).</summary>
    public IReadOnlyList<DisplayText> Texts { get; init; } = [];

    /// <summary>What the display shows at <paramref name="displayEvent"/>: the operator's text, else the language's.</summary>
    public DisplayText Resolve(DisplayEvent displayEvent)
    {
        var own = Texts.FirstOrDefault(t => t.Event == displayEvent);
        var standard = DisplayDefaults.For(Language, displayEvent);
        return new DisplayText(displayEvent, own?.Text ?? standard.Text, own?.DurationSeconds ?? standard.DurationSeconds);
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!DisplayDefaults.Languages.Contains(Language, StringComparer.Ordinal))
        {
            errors.Add($"The display language must be one of {string.Join(", ", DisplayDefaults.Languages)} but is \"{Language}\".");
        }

        foreach (var text in Texts)
        {
            if (!Enum.IsDefined(text.Event))
            {
                errors.Add(FormattableString.Invariant($"The display event {(int)text.Event} is unknown."));
                continue;
            }

            if (Texts.Count(t => t.Event == text.Event) > 1)
            {
                errors.Add($"The display text of {text.Event} is given twice.");
            }

            if (text.Text is { } shown && DisplayTextRules.Check(shown) is var check && (check.Problem is not null || check.Text != shown))
            {
                errors.Add($"The display text of {text.Event}: {check.Problem ?? $"\"{shown}\" is shown as \"{check.Text}\": save it that way"}.");
            }

            if (text.DurationSeconds is < 1 or > MaxDurationSeconds)
            {
                errors.Add(FormattableString.Invariant($"The display duration of {text.Event} must be 1..{MaxDurationSeconds} s but is {text.DurationSeconds} s."));
            }
        }

        return [.. errors.Distinct(StringComparer.Ordinal)];
    }
}
