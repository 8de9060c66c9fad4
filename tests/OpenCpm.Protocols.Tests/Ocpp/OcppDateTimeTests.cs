using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>OCPP dateTime as the schemas' date-time format reads it, and the one form we write.</summary>
public sealed class OcppDateTimeTests
{
    public static TheoryData<string, string> Readable => new()
    {
        { "2013-02-01T20:53:32.486Z", "2013-02-01T20:53:32.4860000+00:00" },
        { "2024-03-01t10:00:00z", "2024-03-01T10:00:00.0000000+00:00" },
        { "2024-03-01 10:00:00+01:00", "2024-03-01T10:00:00.0000000+01:00" },
        { "2024-03-01T10:00:00-0530", "2024-03-01T10:00:00.0000000-05:30" },
        { "2024-03-01T10:00:00+02", "2024-03-01T10:00:00.0000000+02:00" },
        { "2024-03-01T10:00:00.123456789Z", "2024-03-01T10:00:00.1234567+00:00" },
        { "2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00" },
        { "2024-03-01T10:00:00", "2024-03-01T10:00:00.0000000+00:00" },
        { "2016-12-31T23:59:60Z", "2016-12-31T23:59:59.9999999+00:00" },
    };

    public static TheoryData<string> Unreadable =>
    [
        "", "2024-03-01", "10:00:00Z", "2024-3-1T10:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-03-01T24:00:00Z",
        "2024-03-01T10:60:00Z", "2024-03-01T10:00:60Z", "2024-03-01T10:00:00ZZ", "2024-03-01T10:00:00+1", "2024-03-01T10:00:00Z\n",
        "٢٠٢٤-03-01T10:00:00Z", "2024-03-01T10:00:00.Z",
    ];

    [Theory, MemberData(nameof(Readable))]
    public void Reads_what_the_schema_accepts(string text, string expected)
    {
        Assert.True(OcppDateTime.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, MemberData(nameof(Unreadable))]
    public void Refuses_what_the_schema_refuses(string text)
    {
        Assert.False(OcppDateTime.TryParse(text, out _));
    }

    [Fact]
    public void Writes_utc_with_z_and_milliseconds_only_when_there_are_any()
    {
        Assert.Equal("2024-03-01T09:00:00Z", OcppDateTime.Format(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2013-02-01T20:53:32.486Z", OcppDateTime.Format(new DateTimeOffset(2013, 2, 1, 20, 53, 32, 486, TimeSpan.Zero)));
    }
}
