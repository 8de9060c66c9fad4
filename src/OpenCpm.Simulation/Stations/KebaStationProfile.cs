namespace OpenCpm.Simulation.Stations;

/// <summary>
/// What kind of P30 a simulated station is: identity, hardware and which version-dependent fields it reports.
/// Use the presets (<see cref="CSeries"/>, <see cref="CSeriesLegacy"/>, <see cref="XSeries"/>,
/// <see cref="GermanEdition"/>) and adjust with <c>with</c>, e.g. <c>with { Firmware = KebaFirmwareProfile.V31080 }</c>.
/// </summary>
public sealed record KebaStationProfile
{
    public string Product { get; init; } = "KC-P30-EC240422-E0R";

    public string Serial { get; init; } = "22054282";

    /// <summary>The firmware: which version-dependent keys the reports carry and which field quirks the station shows.</summary>
    public KebaFirmwareProfile Firmware { get; init; } = KebaFirmwareProfile.Default;

    /// <summary>Curr HW: the DIP-switch / cable limit.</summary>
    public int HardwareCurrentMilliA { get; init; } = 32_000;

    public bool HasMeter { get; init; } = true;

    public bool HasDisplay { get; init; } = true;

    public int ComModule { get; init; }

    /// <summary>DIP block 1 (bit 5 = DSW1.3, the interface switch; 0x25 = DSW1.3 on, 32 A); in report 1 when the firmware reports it.</summary>
    public byte DipSwitch1 { get; init; } = 0x25;

    public byte DipSwitch2 { get; init; } = 0x02;

    /// <summary>Whether report 2 carries the <c>X2 phaseSwitch</c> fields and x2 works (by firmware).</summary>
    public bool SupportsPhaseSwitch => Firmware.SupportsPhaseSwitch;

    /// <summary>
    /// Whether the clock is set from boot on (NTP, OCPP or the x-series COM module): timestamps are UTC with
    /// <c>timeQ</c> 3. When false (<c>--no-clock</c>) the clock runs from start-up until a <c>setdatetime</c>:
    /// <c>timeQ</c> 0 and session times in uptime (<c>"started":"191012000"</c>).
    /// </summary>
    public bool ClockSetAtBoot { get; init; } = true;

    /// <summary>
    /// Report 3 shows the mains voltage while a vehicle is plugged in but not charging (seen on x-series at State 2).
    /// When false (c-series) U1–U3 and PF read 0 unless current flows.
    /// </summary>
    public bool VoltageWhilePlugged { get; init; }

    /// <summary>A permanently attached cable: Plug is 3 (not 0) with no vehicle.</summary>
    public bool FixedCable { get; init; } = true;

    /// <summary>x-series web-UI setting; null = c-series rule (authorization is on exactly when the whitelist is non-empty).</summary>
    public bool? AuthorizationEnabled { get; init; }

    /// <summary>RFID tags (16 hex digits, any case; shorter tags are padded with zeros) that may authorize.</summary>
    public IReadOnlyCollection<string> Whitelist { get; init; } = [];

    /// <summary>
    /// A client station of a charging network (as behind a KeContact M20): until a controller first commands its current
    /// (<c>curr</c>, <c>currtime</c> or <c>ena</c>) after a boot, it offers no more than <see cref="InstalledFailsafeMilliA"/>,
    /// so a vehicle plugged in before the controller has taken the station over never draws the hardware maximum. A
    /// standalone station (false) offers its default current from boot.
    /// </summary>
    public bool NetworkClient { get; init; }

    /// <summary>What a <see cref="NetworkClient"/> offers before it is taken over (the failsafe current stored in the station).</summary>
    public int InstalledFailsafeMilliA { get; init; }

    /// <summary>Time between a current change and the pilot following it (the guide: about 6–7 s).</summary>
    public TimeSpan PilotDelay { get; init; } = TimeSpan.FromSeconds(6.5);

    public double VoltageV { get; init; } = 230;

    public static KebaStationProfile CSeries(string serial) => new() { Serial = serial };

    /// <summary>A 2017 c-series socket model on firmware 3.9.10 (the product of the public 3.9.10 capture).</summary>
    public static KebaStationProfile CSeriesLegacy(string serial) => new()
    {
        Serial = serial,
        Product = "KC-P30-ES240022-E0R",
        Firmware = KebaFirmwareProfile.V3910,
        FixedCable = false,
    };

    /// <summary>An x-series (COM module): reports the mains voltage while a vehicle is plugged in.</summary>
    public static KebaStationProfile XSeries(string serial) => new()
    {
        Serial = serial,
        Product = "KC-P30-EC2404B2-M0R",
        ComModule = 1,
        VoltageWhilePlugged = true,
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
