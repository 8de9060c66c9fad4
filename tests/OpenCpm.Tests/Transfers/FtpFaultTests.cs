using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenCpm.Tests.Shared;
using OpenCpm.Transfers;

namespace OpenCpm.Tests.Transfers;

/// <summary>
/// FileTransfer against a fake FTP server that misbehaves (<see cref="ScriptedFtpServer"/>): garbage, silence on the
/// control or the data connection, a refused EPSV and PASV. Each fails the attempt with a sentence, soon, never hangs.
/// </summary>
public sealed class FtpFaultTests
{
    private static readonly FtpSettings ShortIdle = new() { IdleTimeout = TimeSpan.FromMilliseconds(400) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_that_answers_garbage_fails_the_attempt_with_what_it_sent()
    {
        await using var server = new ScriptedFtpServer("SSH-2.0-OpenSSH_9.2\r\n", _ => null);

        var reason = await DownloadFailureAsync(server.Url("fw.bin"));

        Assert.Equal($"the download at ftp://127.0.0.1:{server.Port}/fw.bin failed: the FTP server answered something that is not an FTP reply: 'SSH-2.0-OpenSSH_9.2'", reason);
    }

    [Fact]
    public async Task A_server_that_greets_and_then_stops_answering_fails_after_the_idle_timeout()
    {
        await using var server = new ScriptedFtpServer("220 hello\r\n", _ => null);
        var clock = Stopwatch.StartNew();

        var reason = await DownloadFailureAsync(server.Url("fw.bin"));

        Assert.Equal($"the download at ftp://127.0.0.1:{server.Port}/fw.bin failed: nothing happened for 0.4 s while waiting for the FTP server's reply", reason);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(5));
        Assert.Equal(["USER cpo"], server.Commands);
    }

    [Fact]
    public async Task A_server_that_stops_sending_the_file_halfway_fails_after_the_idle_timeout()
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        var dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = new ScriptedFtpServer("220 hello\r\n", Login(command => command switch
        {
            "EPSV" => $"229 Entering Extended Passive Mode (|||{dataPort}|)\r\n",
            "RETR fw.bin" => "150 Opening data connection\r\n",
            _ => null,
        }));
        var accepted = AcceptAndSendAsync(data, [1, 2, 3]);

        var reason = await DownloadFailureAsync(server.Url("fw.bin"));

        Assert.Equal($"the download at ftp://127.0.0.1:{server.Port}/fw.bin failed: nothing happened for 0.4 s while receiving the file", reason);
        Assert.Equal(["USER cpo", "PASS s3cret-pw", "TYPE I", "SIZE fw.bin", "EPSV", "RETR fw.bin"], server.Commands);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_transfer_the_server_reports_failed_after_the_data_fails_the_attempt()
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        var dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        Task<Socket>? sent = null;
        await using var server = new ScriptedFtpServer("220 hello\r\n", Login(command => command switch
        {
            "EPSV" => "500 EPSV not understood\r\n",
            "PASV" => $"227 Entering Passive Mode (10,9,8,7,{dataPort / 256},{dataPort % 256})\r\n",
            "RETR fw.bin" => Sent(sent = AcceptAndSendAsync(data, [1, 2, 3], close: true)),
            _ => null,
        }));

        var reason = await DownloadFailureAsync(server.Url("fw.bin"));

        Assert.Equal($"the download at ftp://127.0.0.1:{server.Port}/fw.bin failed: the FTP server reported the transfer of 'fw.bin' failed (426 Connection closed; transfer aborted.)", reason);
        Assert.Equal(["EPSV", "PASV", "RETR fw.bin"], server.Commands.Skip(4));
        (await sent!).Dispose();

        static string Sent(Task<Socket> _) => "150 Opening data connection\r\n426 Connection closed; transfer aborted.\r\n";
    }

    [Fact]
    public async Task A_refused_passive_mode_and_an_unreachable_server_fail_with_a_sentence()
    {
        await using var server = new ScriptedFtpServer("220 hello\r\n", Login(command => command switch
        {
            "EPSV" => "502 no\r\n",
            "PASV" => "502 no passive here\r\n",
            _ => null,
        }));

        var refused = await DownloadFailureAsync(server.Url("fw.bin"));
        var port = FreePort.Tcp();
        var unreachable = await DownloadFailureAsync($"ftp://127.0.0.1:{port}/fw.bin");

        Assert.Equal($"the download at ftp://127.0.0.1:{server.Port}/fw.bin failed: the FTP server refused passive mode (PASV) (502 no passive here)", refused);
        Assert.Equal($"the download at ftp://127.0.0.1:{port}/fw.bin failed: the FTP server could not be reached: Connection refused", unreachable);
    }

    private static Func<string, string?> Login(Func<string, string?> then) => command => command switch
    {
        "USER cpo" => "331 Password required\r\n",
        "PASS s3cret-pw" => "230 Logged in\r\n",
        "TYPE I" => "200 Type set to I\r\n",
        "SIZE fw.bin" => "550 SIZE not allowed\r\n",
        _ => then(command),
    };

    private static async Task<Socket> AcceptAndSendAsync(TcpListener listener, byte[] bytes, bool close = false)
    {
        var socket = await listener.AcceptSocketAsync(Ct);
        await socket.SendAsync(bytes, Ct);
        if (close)
        {
            socket.Shutdown(SocketShutdown.Both);
        }

        return socket;
    }

    private static async Task<string> DownloadFailureAsync(string url)
    {
        using var target = new TempDirectory();
        var e = await Assert.ThrowsAsync<FileTransferException>(() =>
            FtpFileTransferTests.Transfer(ShortIdle).DownloadAsync(FtpFileTransferTests.Location(url), target.File("fw.bin"), Ct));
        Assert.Equal(TransferFailure.Failed, e.Problem.Failure);
        return e.Problem.Reason;
    }
}
