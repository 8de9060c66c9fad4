namespace OpenCpm.Simulation.Stations;

/// <summary>
/// What one P30 firmware sends and answers, as data: which version-dependent keys its reports carry and the quirks
/// seen on real stations of that version (spec 3.3, 5.1, 11; public captures). Pick one from <see cref="Known"/> with
/// <see cref="For"/>; <see cref="Default"/> is 3.10.57.
/// </summary>
public sealed record KebaFirmwareProfile
{
    /// <summary>The version, e.g. <c>3.10.57</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The firmware string of report 1 and the <c>i</c> reply, e.g. <c>P30 v 3.10.57 (240521-093236)</c>.</summary>
    public required string Text { get; init; }

    /// <summary>Report 1 carries <c>Backend</c> and <c>timeQ</c> (3.9.10 already does; 3.08 did not).</summary>
    public bool ReportsBackendAndTimeQuality { get; init; } = true;

    /// <summary>Report 1 carries <c>setBoot</c> (3.10.57 on; not 3.10.27/3.10.28).</summary>
    public bool ReportsSetBoot { get; init; } = true;

    /// <summary>Report 1 carries <c>DIP-Sw1</c>/<c>DIP-Sw2</c> (3.10.27 on; not 3.9.10).</summary>
    public bool ReportsDipSwitches { get; init; } = true;

    /// <summary>Report 2 carries <c>X2 phaseSwitch source</c>/<c>X2 phaseSwitch</c> and <c>x2src</c>/<c>x2</c> work (c-series 3.10.42 on).</summary>
    public bool SupportsPhaseSwitch { get; init; } = true;

    /// <summary><c>Curr HW</c> reads 0 while nothing is plugged in (seen on 3.9.10).</summary>
    public bool HardwareCurrentZeroWhileUnplugged { get; init; }

    /// <summary>Ignores requests whose source port is not the controller port 7090 (3.10.80, evcc #31478).</summary>
    public bool AnswersOnlyFromPort7090 { get; init; }

    /// <summary>With Modbus TCP enabled (DIP switch 1.3) the UDP interface answers only <c>i</c> and <c>report 1</c> (3.10.80).</summary>
    public bool ModbusSilencesUdp { get; init; }

    /// <summary>3.9.10 (2017, c-series socket): <c>Backend</c> and <c>timeQ</c> but no DIP, <c>setBoot</c> or X2 keys; Curr HW 0 unplugged.</summary>
    public static KebaFirmwareProfile V3910 { get; } = new()
    {
        Version = "3.9.10",
        Text = "P30 v 3.9.10 (171113-103030)",
        ReportsSetBoot = false,
        ReportsDipSwitches = false,
        SupportsPhaseSwitch = false,
        HardwareCurrentZeroWhileUnplugged = true,
    };

    /// <summary>3.10.27 (2021): <c>Backend</c>, <c>timeQ</c> and DIP switches, no <c>setBoot</c>, no X2 keys.</summary>
    public static KebaFirmwareProfile V31027 { get; } = new()
    {
        Version = "3.10.27",
        Text = "P30 v 3.10.27 (210105-174852)",
        ReportsSetBoot = false,
        SupportsPhaseSwitch = false,
    };

    /// <summary>3.10.28 (2021): as 3.10.27.</summary>
    public static KebaFirmwareProfile V31028 { get; } = V31027 with { Version = "3.10.28", Text = "P30 v 3.10.28 (210316-115052)" };

    /// <summary>3.10.57 (2024): adds <c>setBoot</c>; X2 phase switching.</summary>
    public static KebaFirmwareProfile V31057 { get; } = new() { Version = "3.10.57", Text = "P30 v 3.10.57 (240521-093236)" };

    /// <summary>3.10.80 (2025): as 3.10.57, but answers only from source port 7090, and only report 1 with Modbus on.</summary>
    public static KebaFirmwareProfile V31080 { get; } = V31057 with
    {
        Version = "3.10.80",
        Text = "P30 v 3.10.80 (251002-115400)",
        AnswersOnlyFromPort7090 = true,
        ModbusSilencesUdp = true,
    };

    public static KebaFirmwareProfile Default => V31057;

    public static IReadOnlyList<KebaFirmwareProfile> Known { get; } = [V3910, V31027, V31028, V31057, V31080];

    /// <summary>The profile of <paramref name="version"/> (e.g. <c>3.10.80</c>); throws for a version not in <see cref="Known"/>.</summary>
    public static KebaFirmwareProfile For(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Known.FirstOrDefault(p => p.Version == version.Trim())
            ?? throw new ArgumentException(
                $"There is no simulated P30 firmware \"{version}\"; known: {string.Join(", ", Known.Select(p => p.Version))}.", nameof(version));
    }
}
