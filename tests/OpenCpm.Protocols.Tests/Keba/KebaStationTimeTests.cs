using FsCheck.Xunit;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>The one rule that reads a session-log time from its text and seconds, and writes both back.</summary>
public sealed class KebaStationTimeTests
{
    private static readonly DateTimeOffset IssueExample = new(2019, 1, 11, 6, 22, 32, TimeSpan.Zero);

    public static TheoryData<string, string?, long, KebaStationTime> Readings => new()
    {
        { "clock set: date and Unix seconds (1547187752)", "2019-01-11 06:22:32.000", 1547187752, KebaStationTime.AtUtc(IssueExample) },
        { "clock set: the date wins over other seconds", "2019-01-11 06:22:32.000", 274727, KebaStationTime.AtUtc(IssueExample) },
        { "date without milliseconds", "2019-01-11 06:22:32", 0, KebaStationTime.AtUtc(IssueExample) },
        { "clock never set: uptime in ms as digits", "191012000", 191012, KebaStationTime.AfterBoot(TimeSpan.FromSeconds(191012)) },
        { "clock never set: digits without seconds", "182170000", 0, KebaStationTime.AfterBoot(TimeSpan.FromSeconds(182170)) },
        { "not ended yet", "0", 0, KebaStationTime.Unknown },
        { "empty log entry", "", 0, KebaStationTime.Unknown },
        { "no text: Unix seconds", null, 1547187752, KebaStationTime.AtUtc(IssueExample) },
        { "no text: uptime seconds", null, 182170, KebaStationTime.AfterBoot(TimeSpan.FromSeconds(182170)) },
        { "unreadable text: the seconds decide", "soon", 42, KebaStationTime.AfterBoot(TimeSpan.FromSeconds(42)) },
        { "unreadable text, no seconds", "2019-13-45 99:99:99.000", 0, KebaStationTime.Unknown },
        { "too many digits, no seconds", "12345678901234567890", 0, KebaStationTime.Unknown },
        { "less than a second of uptime", "999", 0, KebaStationTime.Unknown },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void Reads_a_time_by_one_rule(string name, string? text, long seconds, KebaStationTime expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, KebaStationTime.Parse(text, seconds));
    }

    [Fact]
    public void Writes_text_and_seconds_as_the_station_does()
    {
        Assert.Equal(("2019-01-11 06:22:32.000", 1547187752L), (KebaStationTime.AtUtc(IssueExample).Text, KebaStationTime.AtUtc(IssueExample).Seconds));
        var uptime = KebaStationTime.AfterBoot(TimeSpan.FromSeconds(191012.7));
        Assert.Equal(("191012000", 191012L), (uptime.Text, uptime.Seconds));
        Assert.Equal(("0", 0L), (KebaStationTime.Unknown.Text, KebaStationTime.Unknown.Seconds));
    }

    [Fact]
    public void Places_a_time_since_boot_on_the_UTC_axis_given_the_boot_time()
    {
        var bootedAt = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(bootedAt.AddSeconds(191012), KebaStationTime.AfterBoot(TimeSpan.FromSeconds(191012)).ToUtc(bootedAt));
        Assert.Equal(IssueExample, KebaStationTime.AtUtc(IssueExample).ToUtc(bootedAt));
        Assert.Null(KebaStationTime.Unknown.ToUtc(bootedAt));
    }

    [Property(MaxTest = 300)]
    public bool Reads_back_any_uptime_it_writes(uint uptimeS)
    {
        var time = KebaStationTime.AfterBoot(TimeSpan.FromSeconds(uptimeS % KebaStationTime.UnixSecondsThreshold));
        return KebaStationTime.Parse(time.Text, time.Seconds) == time && KebaStationTime.Parse(null, time.Seconds) == time;
    }

    [Property(MaxTest = 300)]
    public bool Reads_back_any_clock_time_it_writes(uint offsetS)
    {
        var time = KebaStationTime.AtUtc(DateTimeOffset.FromUnixTimeSeconds(KebaStationTime.UnixSecondsThreshold + offsetS));
        return KebaStationTime.Parse(time.Text, time.Seconds) == time && KebaStationTime.Parse(null, time.Seconds) == time && KebaStationTime.Parse(time.Text, 0) == time;
    }
}
