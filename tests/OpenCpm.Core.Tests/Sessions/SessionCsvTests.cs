using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Tests.Sessions;

public sealed class SessionCsvTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(1));

    [Fact]
    public void Writes_a_header_even_without_sessions()
    {
        Assert.Equal("id,chargePoint,idTag,start,end,energyWh,state,stopReason,meterStartWh,meterEndWh\r\n", SessionCsv.Write([]));
    }

    [Fact]
    public void Writes_ended_and_active_sessions_with_utc_iso_times_and_invariant_numbers()
    {
        var ended = new ChargingSession { Id = 1, ChargePoint = "cp1", IdTag = "04A1B2", Start = Start, MeterStartWh = 100.5 }
            .Ended(Start.AddMinutes(90), 7350.25, StopReason.EVDisconnected);
        var active = new ChargingSession { Id = 2, ChargePoint = "cp2", Start = Start.AddHours(1), MeterStartWh = 0 };

        var csv = SessionCsv.Write([ended, active]);

        Assert.Equal(
            "id,chargePoint,idTag,start,end,energyWh,state,stopReason,meterStartWh,meterEndWh\r\n" +
            "1,cp1,04A1B2,2026-03-01T08:30:15Z,2026-03-01T10:00:15Z,7249.75,ended,EVDisconnected,100.5,7350.25\r\n" +
            "2,cp2,,2026-03-01T09:30:15Z,,0,PWMCharging,,0,\r\n",
            csv);
    }

    public static TheoryData<string, string> Fields => new()
    {
        { "plain", "plain" },
        { "a,b", "\"a,b\"" },
        { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "two\nlines", "\"two\nlines\"" },
        { "cr\rhere", "\"cr\rhere\"" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Quotes_fields_as_RFC_4180_requires(string value, string expected)
    {
        Assert.Equal(expected, SessionCsv.Field(value));
    }

    [Fact]
    public void A_charge_point_name_with_a_comma_stays_one_field()
    {
        var s = new ChargingSession { Id = 3, ChargePoint = "garage, left", IdTag = "x\"y", Start = Start };
        var row = SessionCsv.Write([s]).Split("\r\n")[1];
        Assert.StartsWith("3,\"garage, left\",\"x\"\"y\",", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("cp-1=2", "cp-1=2")]
    [InlineData("", "")]
    public void Defuses_outside_text_a_spreadsheet_would_run_as_a_formula(string value, string expected)
    {
        Assert.Equal(expected, SessionCsv.Text(value));
    }

    [Fact]
    public void A_card_id_that_looks_like_a_formula_is_exported_as_text()
    {
        var s = new ChargingSession { Id = 4, ChargePoint = "@cp", IdTag = "=1+1", Start = Start };
        var row = SessionCsv.Write([s]).Split("\r\n")[1];
        Assert.StartsWith("4,'@cp,'=1+1,", row, StringComparison.Ordinal);
    }
}
