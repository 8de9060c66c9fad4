using OpenCpm.Protocols.Keba;

namespace OpenCpm.Protocols.Tests.Keba;

public sealed class KebaCommandTests
{
    public static TheoryData<string, KebaReplyKind, bool> Formatted => new()
    {
        { "i", KebaReplyKind.Firmware, false },
        { "report 1", KebaReplyKind.Report, false },
        { "report 2", KebaReplyKind.Report, false },
        { "report 3", KebaReplyKind.Report, false },
        { "report 130", KebaReplyKind.Report, false },
        { "currtime 16000 1", KebaReplyKind.Acknowledge, false },
        { "currtime 0 1", KebaReplyKind.Acknowledge, true },
        { "currtime 0 0", KebaReplyKind.Acknowledge, false },
        { "curr 10000", KebaReplyKind.Acknowledge, false },
        { "ena 0", KebaReplyKind.Acknowledge, true },
        { "ena 1", KebaReplyKind.Acknowledge, false },
        { "failsafe 60 6000 0", KebaReplyKind.Acknowledge, false },
        { "setenergy 100000", KebaReplyKind.Acknowledge, false },
        { "output 1", KebaReplyKind.Acknowledge, false },
        { "output 5", KebaReplyKind.None, false },
        { "output 20", KebaReplyKind.Acknowledge, false },
        { "unlock", KebaReplyKind.Acknowledge, false },
        { "setdatetime 1717228800", KebaReplyKind.Acknowledge, false },
        { "x2src 4", KebaReplyKind.Acknowledge, false },
        { "x2 1", KebaReplyKind.Acknowledge, false },
        { "start e3f76b8d00000000 01010400000000000000", KebaReplyKind.Acknowledge, false },
        { "stop e3f76b8d00000000", KebaReplyKind.Acknowledge, false },
        { "display 0 0 0 0 Hello$World", KebaReplyKind.Acknowledge, false },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "command is empty" },
        { "curr", "command 'curr': missing current in mA" },
        { "curr 5000", "command 'curr': current must be 6000..63000 mA but was 5000" },
        { "curr abc", "command 'curr': current must be a number but was \"abc\"" },
        { "currtime 16000", "command 'currtime': missing current in mA and delay in s" },
        { "currtime 5999 1", "command 'currtime': current must be 0 or 6000..63000 mA but was 5999" },
        { "currtime 16000 900000", "command 'currtime': delay must be 0..860400 s but was 900000" },
        { "failsafe 5 0 0", "command 'failsafe': timeout must be 0 or 10..600 s but was 5" },
        { "failsafe 60 6000 2", "command 'failsafe': persist flag must be 0 or 1 but was 2" },
        { "ena 2", "command 'ena': value must be 0 or 1 but was 2" },
        { "report 4", "command 'report': report number must be 1, 2, 3 or 100..130 but was 4" },
        { "report 2 3", "command 'report': unexpected argument \"3\"" },
        { "setenergy -1", "command 'setenergy': energy must be 0..999999999 (0.1 Wh) but was -1" },
        { "start xyz", "command 'start': RFID tag must be up to 16 hex digits but was \"xyz\"" },
        { "display 0 0 0 0 abcdefghijklmnopqrstuvwxyz", "command 'display': text must be at most 23 characters but was 26" },
        { "reboot", "command \"reboot\" is unknown" },
    };

    [Fact]
    public void Factories_write_the_wire_text()
    {
        Assert.Equal("i", KebaCommand.Identify().Text);
        Assert.Equal("report 2", KebaCommand.Report(2).Text);
        Assert.Equal("currtime 16000 1", KebaCommand.CurrTime(16000).Text);
        Assert.Equal("currtime 0 1", KebaCommand.CurrTime(0).Text);
        Assert.Equal("curr 10000", KebaCommand.Curr(10000).Text);
        Assert.Equal("ena 0", KebaCommand.Enable(false).Text);
        Assert.Equal("failsafe 60 6000 0", KebaCommand.Failsafe(60, 6000, persist: false).Text);
        Assert.Equal("setenergy 100000", KebaCommand.SetEnergy(100_000).Text);
        Assert.Equal("output 1", KebaCommand.Output(1).Text);
        Assert.Equal("unlock", KebaCommand.Unlock().Text);
        Assert.Equal("setdatetime 1717228800", KebaCommand.SetDateTime(1_717_228_800).Text);
        Assert.Equal("x2src 4", KebaCommand.PhaseSwitchSource(4).Text);
        Assert.Equal("x2 0", KebaCommand.PhaseSwitch(threePhase: false).Text);
        Assert.Equal("start e3f76b8d00000000 01010400000000000000", KebaCommand.Start("e3f76b8d00000000", "01010400000000000000").Text);
        Assert.Equal("stop e3f76b8d00000000", KebaCommand.Stop("e3f76b8d00000000").Text);
        Assert.Equal("display 0 0 0 0 Hello$World", KebaCommand.Display("Hello World").Text);
        Assert.Equal("display 1 2 10 0 0123456789$0123456789$0", KebaCommand.Display("0123456789 0123456789 0123", 2, 10).Text);
    }

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Parses_what_the_driver_sends(string text, KebaReplyKind reply, bool disabling)
    {
        var command = KebaCommand.Parse(text);
        Assert.Equal(text, command.Text);
        Assert.Equal(reply, command.ExpectedReply);
        Assert.Equal(disabling, command.IsDisabling);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_commands_with_a_sentence(string text, string error) =>
        Assert.Equal(error, Assert.Throws<KebaProtocolException>(() => KebaCommand.Parse(text)).Message);

    [Fact]
    public void Factories_refuse_values_outside_the_protocol() =>
        Assert.Throws<KebaProtocolException>(() => KebaCommand.CurrTime(3000));
}
