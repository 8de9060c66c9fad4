using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Tests.Sessions;

public sealed class StationHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 5, TimeSpan.Zero);

    private static ChargingSession Session(double meterStartWh = 1000, double? seenWh = 1500) =>
        new() { Id = 7, ChargePoint = "cp1", Start = Start, MeterStartWh = meterStartWh, MeterEndWh = seenWh };

    private static StationSessionRecord Record(long id, double startWh, double energyWh, string started, string ended = "", StopReason? reason = null) =>
        new() { SessionId = id, MeterStartWh = startWh, EnergyWh = energyWh, StartedAt = Time(started), EndedAt = Time(ended), EndReason = reason };

    private static DateTimeOffset? Time(string text) =>
        text.Length == 0 ? null : DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Finds_the_record_that_was_running_when_the_session_began_skipping_newer_ones()
    {
        var ours = Record(41, 999.6, 812.4, "2026-11-24 08:00:03.000", "2026-11-24 09:10:00.000", reason: StopReason.EVDisconnected);
        var newer = Record(42, 1812, 50, "2026-11-24 09:20:00.000");
        var older = Record(40, 500, 499.6, "2026-11-23 18:00:00.000", "2026-11-23 19:00:00.000", reason: StopReason.EVDisconnected);

        Assert.Same(ours, StationHistory.Find([newer, ours, older], Session()));
    }

    [Fact]
    public void Finds_the_running_record_of_a_session_still_going_on()
    {
        var running = Record(41, 1000, 600, "2026-11-24 08:00:04.000");
        Assert.Same(running, StationHistory.Find([running], Session()));
    }

    [Fact]
    public void Finds_nothing_when_the_log_is_empty_or_only_has_sessions_that_ended_before_ours()
    {
        var before = Record(40, 500, 500, "2026-11-23 18:00:00.000", "2026-11-23 19:00:00.000", reason: StopReason.EVDisconnected);

        Assert.Null(StationHistory.Find([], Session()));
        Assert.Null(StationHistory.Find([before], Session()));
    }

    [Fact]
    public void A_record_that_started_after_the_session_by_the_clock_is_not_ours_even_without_a_meter()
    {
        var later = Record(42, 0, 300, "2026-11-24 09:00:00.000", "2026-11-24 09:30:00.000", reason: StopReason.EVDisconnected);
        var ours = Record(41, 0, 200, "2026-11-24 08:00:00.000", "2026-11-24 08:40:00.000", reason: StopReason.Local);

        Assert.Same(ours, StationHistory.Find([later, ours], Session(meterStartWh: 0, seenWh: 150)));
    }

    [Fact]
    public void The_end_reading_is_the_stations_start_plus_its_energy_or_the_sessions_start_without_a_meter()
    {
        Assert.Equal(1812, StationHistory.MeterEndWh(Record(41, 999.6, 812.4, "", "", StopReason.EVDisconnected), Session()), 3);
        Assert.Equal(200, StationHistory.MeterEndWh(Record(41, 0, 200, "", "", StopReason.EVDisconnected), Session(meterStartWh: 0, seenWh: 150)), 3);
    }
}
