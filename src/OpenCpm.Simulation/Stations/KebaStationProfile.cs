namespace OpenCpm.Simulation.Stations;

/// <summary>
/// What kind of P30 a simulated station is: identity, hardware and which version-dependent fields it reports.
/// Use the presets (<see cref="CSeries"/>, <see cref="CSeriesLegacy"/>, <see cref="XSeries"/>,
/// <see cref="GermanEdition"/>) and adjust with <c>with</c>.
/// </summary>
public sealed record KebaStationProfile
{
    public string Product { get; init; } = "KC-P30-EC240422-E0R";

    public string Serial { get; init; } = "22054282";

    public string Firmware { get; init; } = "P30 v 3.10.57 (240521-093236)";

    /// <summary>Curr HW: the DIP-switch / cable limit.</summary>
    public int HardwareCurrentMilliA { get; init; } = 32_000;

    public bool HasMeter { get; init; } = true;

    public bool HasDisplay { get; init; } = true;

    public int ComModule { get; init; }

    /// <summary>Report 1 DIP fields (newer firmware); null = not reported.</summary>
    public byte? DipSwitch1 { get; init; } = 0x25;

    public byte? DipSwitch2 { get; init; } = 0x02;

    /// <summary>Whether report 1 carries <c>Backend</c>, <c>timeQ</c>, <c>setBoot</c> (newer firmware).</summary>
    public bool ReportsNewerIdentityFields { get; init; } = true;

    /// <summary>Whether report 2 carries the <c>X2 phaseSwitch</c> fields (c-series ≥ 3.10.42).</summary>
    public bool SupportsPhaseSwitch { get; init; } = true;

    /// <summary>A permanently attached cable: Plug is 3 (not 0) with no vehicle.</summary>
    public bool FixedCable { get; init; } = true;

    /// <summary>x-series web-UI setting; null = c-series rule (authorization is on exactly when the whitelist is non-empty).</summary>
    public bool? AuthorizationEnabled { get; init; }

    /// <summary>RFID tags (16 hex digits, any case; shorter tags are padded with zeros) that may authorize.</summary>
    public IReadOnlyCollection<string> Whitelist { get; init; } = [];

    /// <summary>Time between a current change and the pilot following it (the guide: about 6–7 s).</summary>
    public TimeSpan PilotDelay { get; init; } = TimeSpan.FromSeconds(6.5);

    public double VoltageV { get; init; } = 230;

    public static KebaStationProfile CSeries(string serial) => new() { Serial = serial };

    /// <summary>A 2017 c-series (fw 3.9.10): no DIP, X2 or newer identity fields; socket model.</summary>
    public static KebaStationProfile CSeriesLegacy(string serial) => new()
    {
        Serial = serial,
        Product = "KC-P30-ES240022-E0R",
        Firmware = "P30 v 3.9.10 (171113-103030)",
        DipSwitch1 = null,
        DipSwitch2 = null,
        ReportsNewerIdentityFields = false,
        SupportsPhaseSwitch = false,
        FixedCable = false,
    };

    public static KebaStationProfile XSeries(string serial) => new()
    {
        Serial = serial,
        Product = "KC-P30-EC2404B2-M0R",
        ComModule = 1,
    };

    /// <summary>Deutschland-Edition: no meter, no display.</summary>
    public static KebaStationProfile GermanEdition(string serial) => new()
    {
        Serial = serial,
        Product = "KC-P30-EC220112-000-DE",
        HasMeter = false,
        HasDisplay = false,
        HardwareCurrentMilliA = 16_000,
    };
}
