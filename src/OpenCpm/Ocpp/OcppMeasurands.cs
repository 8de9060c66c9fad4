using System.Collections.Frozen;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>
/// The measurands the controller can report from its stations' readings, by their OCPP names, and the comma-separated
/// lists of the metering keys (MeterValuesSampledData…): a list naming anything else is refused (ChangeConfiguration
/// Rejected, as OCPP 1.6 §9.1 asks).
/// </summary>
internal static class OcppMeasurands
{
    private static readonly FrozenDictionary<string, Measurand> Supported = new Dictionary<string, Measurand>(StringComparer.Ordinal)
    {
        ["Energy.Active.Import.Register"] = Measurand.EnergyActiveImportRegister,
        ["Power.Active.Import"] = Measurand.PowerActiveImport,
        ["Current.Import"] = Measurand.CurrentImport,
        ["Current.Offered"] = Measurand.CurrentOffered,
        ["Voltage"] = Measurand.Voltage,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How many measurands a list may name (the *MaxLength keys).</summary>
    public static int MaxLength => Supported.Count;

    /// <summary>The measurands of a comma-separated list (empty entries ignored); unknown names are skipped.</summary>
    public static IReadOnlyList<Measurand> Parse(string? list) =>
        [.. Split(list).Where(Supported.ContainsKey).Select(n => Supported[n]).Distinct()];

    /// <summary>Why the list can't be used (an unknown or unsupported measurand, too many), or null.</summary>
    public static string? Problem(string? list)
    {
        var names = Split(list).ToList();
        if (names.FirstOrDefault(n => !Supported.ContainsKey(n)) is { } unknown)
        {
            return $"the measurand \"{Security.LogText.Escape(unknown, 60)}\" is not one the controller can report ({string.Join(", ", Supported.Keys.Order(StringComparer.Ordinal))}).";
        }

        return names.Count > MaxLength ? FormattableString.Invariant($"at most {MaxLength} measurands may be named but {names.Count} are.") : null;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
