using OpenCpm.Meter;

namespace OpenCpm.Tests.Meter;

public sealed class GridMeterHealthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GridMeterSettings Configured = new() { ProfileId = "tq-em300", Host = "127.77.0.5" };

    public static TheoryData<double?, double, GridMeterState> Cases => new()
    {
        // seconds of the last good reading after configuration (null = none), seconds now, state
        { null, 0, GridMeterState.Connecting },
        { null, 10, GridMeterState.Connecting },
        { null, 10.5, GridMeterState.Lost },
        { 1, 1, GridMeterState.Connected },
        { 1, 4, GridMeterState.Connected },
        { 1, 4.5, GridMeterState.Stale },
        { 1, 11, GridMeterState.Stale },
        { 1, 11.5, GridMeterState.Lost },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Derives_the_state_from_the_age_of_the_last_reading(double? lastReading, double now, GridMeterState state) =>
        Assert.Equal(state, GridMeterHealth.Evaluate(Configured, T0, lastReading is { } s ? T0.AddSeconds(s) : null, T0.AddSeconds(now)));

    [Fact]
    public void Is_not_configured_without_host_or_profile()
    {
        Assert.Equal(GridMeterState.NotConfigured, GridMeterHealth.Evaluate(Configured with { Host = " " }, T0, T0, T0));
        Assert.Equal(GridMeterState.NotConfigured, GridMeterHealth.Evaluate(GridMeterSettings.Disabled, T0, null, T0.AddHours(1)));
    }

    [Fact]
    public void Uses_explicit_stale_and_lost_limits()
    {
        var settings = Configured with { StaleAfter = TimeSpan.FromSeconds(1), LostAfter = TimeSpan.FromSeconds(2) };
        Assert.Equal(GridMeterState.Stale, GridMeterHealth.Evaluate(settings, T0, T0, T0.AddSeconds(1.5)));
        Assert.Equal(GridMeterState.Lost, GridMeterHealth.Evaluate(settings, T0, T0, T0.AddSeconds(2.5)));
    }

    public static TheoryData<GridMeterSettings, string> BadSettings => new()
    {
        { Configured with { Port = 0 }, "Meter 'port' must be 1..65535 but was 0." },
        { Configured with { PollInterval = TimeSpan.FromMilliseconds(10) }, "Meter 'pollInterval' must be 0.1..60 s but was 0.01 s." },
        { Configured with { RequestTimeout = TimeSpan.Zero }, "Meter 'requestTimeout' must be 0.05..30 s but was 0 s." },
        { Configured with { StaleAfter = TimeSpan.FromSeconds(5), LostAfter = TimeSpan.FromSeconds(2) }, "Meter 'lostAfter' must not be shorter than 'staleAfter' (5 s) but was 2 s." },
        { Configured with { MaxCurrentPerPhaseA = -1 }, "Meter 'maxCurrentPerPhaseA' must be a number of at least 0 but was -1." },
        { Configured with { FallbackPowerW = -5 }, "Meter 'fallbackPowerW' must be a number of at least 0 but was -5." },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public void Validates_settings_with_a_sentence_naming_the_field(GridMeterSettings settings, string problem) =>
        Assert.Equal([problem], settings.Validate());

    [Theory]
    [InlineData(null, true)]
    [InlineData(0.0, true)]
    [InlineData(4600.0, false)]
    public void Stops_charging_when_lost_unless_a_fallback_power_is_set(double? fallbackPowerW, bool stops) =>
        Assert.Equal(stops, (Configured with { FallbackPowerW = fallbackPowerW }).StopsChargingWhenLost);
}
