using System.Text;
using OpenCpm.Transfers;

namespace OpenCpm.Tests.Transfers;

/// <summary>The control connection's reply reader and the passive-mode parsers: what they take, and the sentence for what they refuse.</summary>
public sealed class FtpReplyTests
{
    public static TheoryData<string, int, string> Replies => new()
    {
        { "220 Service ready\r\n", 220, "220 Service ready" },
        { "230 \r\n", 230, "230" },
        { "200\r\n", 200, "200" },
        { "331 bare LF\n", 331, "331 bare LF" },
        { "220-Welcome\r\n220-to the\r\n 220 indented is text\r\n230 another code is text\r\n220 ready\r\n", 220, "220 Welcome" },
        { "211-Features:\r\n EPSV\r\n SIZE\r\n211\r\n", 211, "211 Features:" },
        { "550 caf\u00e9 \u0001 not found\r\n", 550, "550 caf\u00e9 \\u0001 not found" },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "HTTP/1.1 400 Bad Request\r\n", "the FTP server answered something that is not an FTP reply: 'HTTP/1.1 400 Bad Request'" },
        { "620 six hundred\r\n", "the FTP server answered something that is not an FTP reply: '620 six hundred'" },
        { "22 short\r\n", "the FTP server answered something that is not an FTP reply: '22 short'" },
        { "220x\r\n", "the FTP server answered something that is not an FTP reply: '220x'" },
        { "\u0000\u0001\u0002\r\n", "the FTP server answered something that is not an FTP reply: '\\u0000\\u0001\\u0002'" },
        { "220 ready", "the FTP server closed the connection without a reply" },
        { "", "the FTP server closed the connection without a reply" },
        { "220-and then nothing\r\n", "the FTP server closed the connection without a reply" },
        { new string('2', 3000) + "\r\n", "the FTP server sent a reply line longer than 2048 bytes" },
        { "220-" + string.Concat(Enumerable.Repeat("more\r\n", 300)), "the FTP server's reply 220 went on for more than 200 lines" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task A_reply_is_its_code_and_first_line_multi_line_ones_end_at_their_code_and_a_space(string wire, int code, string shown)
    {
        await using var channel = Channel(wire);

        var reply = await channel.ReadReplyAsync(TestContext.Current.CancellationToken);

        Assert.Equal((code, shown), (reply.Code, reply.Shown));
    }

    [Fact]
    public async Task Replies_are_read_one_after_the_other_from_the_same_bytes()
    {
        await using var channel = Channel("220-a\r\n220 b\r\n331 Password required\r\n230 Logged in\r\n");
        var ct = TestContext.Current.CancellationToken;

        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await channel.ReadReplyAsync(ct)).Code);
        }

        Assert.Equal([220, 331, 230], codes);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task What_is_not_a_reply_fails_with_a_sentence(string wire, string sentence)
    {
        await using var channel = Channel(wire);

        var e = await Assert.ThrowsAsync<FtpException>(() => channel.ReadReplyAsync(TestContext.Current.CancellationToken));

        Assert.Equal((TransferFailure.Failed, sentence), (e.Failure, e.Message));
    }

    [Fact]
    public async Task A_command_with_a_line_break_is_never_sent()
    {
        var wire = new MemoryStream();
        await using var channel = new FtpControlChannel(wire, TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<FtpException>(() => channel.SendAsync("RETR a\r\nDELE b", TestContext.Current.CancellationToken));

        Assert.Equal(TransferFailure.BadLocation, e.Failure);
        Assert.Equal(0, wire.Length);
    }

    [Theory]
    [InlineData("Entering Extended Passive Mode (|||6446|)", 6446)]
    [InlineData("ok (!!!21!)", 21)]
    [InlineData("(|||65535|)", 65535)]
    public void Epsv_names_the_port_between_three_delimiters_and_one(string text, int port) =>
        Assert.Equal(port, FtpPassivePort.FromEpsv(new FtpReply(229, text)));

    [Theory]
    [InlineData("Entering Passive Mode (192,168,1,20,204,13).", 52237)]
    [InlineData("Entering Passive Mode 10,0,0,1,0,21", 21)]
    [InlineData("=127,0,0,1,255,255", 65535)]
    public void Pasv_names_the_port_in_its_last_two_numbers_wherever_they_stand(string text, int port) =>
        Assert.Equal(port, FtpPassivePort.FromPasv(new FtpReply(227, text)));

    [Theory]
    [InlineData("EPSV", "Entering Extended Passive Mode", "the FTP server's answer to EPSV names no usable data port (229 Entering Extended Passive Mode)")]
    [InlineData("EPSV", "(|||0|)", "the FTP server's answer to EPSV names no usable data port (229 (|||0|))")]
    [InlineData("EPSV", "(|||70000|)", "the FTP server's answer to EPSV names no usable data port (229 (|||70000|))")]
    [InlineData("EPSV", "(||1|)", "the FTP server's answer to EPSV names no usable data port (229 (||1|))")]
    [InlineData("PASV", "(127,0,0,1,300,1)", "the FTP server's answer to PASV names no usable data port (227 (127,0,0,1,300,1))")]
    [InlineData("PASV", "(127,0,0,1,0,0)", "the FTP server's answer to PASV names no usable data port (227 (127,0,0,1,0,0))")]
    [InlineData("PASV", "(127,0,0,1,80)", "the FTP server's answer to PASV names no usable data port (227 (127,0,0,1,80))")]
    public void A_passive_reply_without_a_usable_port_fails_with_a_sentence(string command, string text, string sentence)
    {
        var e = Assert.Throws<FtpException>(() => command == "EPSV" ? FtpPassivePort.FromEpsv(new FtpReply(229, text)) : FtpPassivePort.FromPasv(new FtpReply(227, text)));

        Assert.Equal(sentence, e.Message);
    }

    private static FtpControlChannel Channel(string wire) => new(new MemoryStream(Encoding.UTF8.GetBytes(wire)), TimeSpan.FromSeconds(5));
}
