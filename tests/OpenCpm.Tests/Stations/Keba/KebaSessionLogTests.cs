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

    [Theory]
    [InlineData("2026-11-24 09:10:00.000", "2026-11-24T09:10:00+00:00")]
    [InlineData("2026-11-24 09:10:00", "2026-11-24T09:10:00+00:00")]
    [InlineData("123456000", null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    public void Reads_station_timestamps_as_UTC_and_uptime_digits_as_unknown(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KebaSessionLog.ParseTime(text));

    [Fact]
    public void A_running_record_has_no_end_and_a_zero_tag_means_no_card()
    {
        var record = KebaSessionLog.ToRecord(new KebaSessionReport
        {
            ReportId = 100,
            SessionId = 7,
            StartEnergyTenthsWh = 12_345,
            SessionEnergyTenthsWh = 500,
            Started = "2026-11-24 08:00:00.000",
            Ended = "0",
            Reason = 0,
        });

        Assert.NotNull(record);
        Assert.False(record.Ended);
        Assert.Null(record.EndedAt);
        Assert.Null(record.RfidTag);
        Assert.Equal(1234.5, record.MeterStartWh);
        Assert.Equal(50, record.EnergyWh);
    }

    [Fact]
    public void An_empty_log_entry_is_no_record() =>
        Assert.Null(KebaSessionLog.ToRecord(new KebaSessionReport { ReportId = 101, SessionId = 0 }));
}
