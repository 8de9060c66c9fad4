using OpenCpm.Core.Sessions;
using OpenCpm.Protocols.Keba;
using OpenCpm.Stations.Keba;

namespace OpenCpm.Tests.Stations.Keba;

public sealed class KebaSessionLogTests
{
    [Theory]
    [InlineData(1, StopReason.EVDisconnected)]
    [InlineData(10, StopReason.Local)]
    [InlineData(3, StopReason.Other)]
    public void Maps_the_KEBA_end_reason(int reason, StopReason expected) =>
        Assert.Equal(expected, KebaSessionLog.StopReasonOf(reason));

    [Fact]
    public void Times_a_station_without_a_clock_counts_from_its_boot_are_placed_on_the_controllers_clock()
    {
        var receivedAt = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        var record = KebaSessionLog.ToRecord(
            new KebaSessionReport
            {
                ReportId = 101,
                SessionId = 3,
                StartedAt = KebaStationTime.Parse("191012000", 191012),
                EndedAt = KebaStationTime.Parse("197682000", 197682),
                Reason = 1,
                UptimeS = 200_000,
            },
            receivedAt);

        var bootedAt = receivedAt.AddSeconds(-200_000);
        Assert.Equal(bootedAt.AddSeconds(191012), record!.StartedAt);
        Assert.Equal(bootedAt.AddSeconds(197682), record.EndedAt);
        Assert.Equal(StopReason.EVDisconnected, record.EndReason);
    }

    [Fact]
    public void Times_of_a_station_with_its_clock_set_are_UTC()
    {
        var record = KebaSessionLog.ToRecord(
            new KebaSessionReport { ReportId = 101, SessionId = 3, StartedAt = KebaStationTime.Parse("2019-01-11 06:22:32.000", 1547187752), Reason = 10, UptimeS = 5 },
            DateTimeOffset.UnixEpoch);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1547187752), record!.StartedAt);
        Assert.Null(record.EndedAt);
        Assert.Equal(StopReason.Local, record.EndReason);
    }

    [Fact]
    public void A_running_record_has_no_end_and_a_zero_tag_means_no_card()
    {
        var record = KebaSessionLog.ToRecord(new KebaSessionReport
        {
            ReportId = 100,
            SessionId = 7,
            StartEnergyTenthsWh = 12_345,
            SessionEnergyTenthsWh = 500,
            StartedAt = KebaStationTime.Parse("2026-11-24 08:00:00.000", 1795507200),
            Reason = 0,
        },
            DateTimeOffset.UnixEpoch);

        Assert.NotNull(record);
        Assert.False(record.Ended);
        Assert.Null(record.EndedAt);
        Assert.Null(record.RfidTag);
        Assert.Equal(1234.5, record.MeterStartWh);
        Assert.Equal(50, record.EnergyWh);
    }

    [Fact]
    public void An_empty_log_entry_is_no_record() =>
        Assert.Null(KebaSessionLog.ToRecord(new KebaSessionReport { ReportId = 101, SessionId = 0 }, DateTimeOffset.UnixEpoch));
}
