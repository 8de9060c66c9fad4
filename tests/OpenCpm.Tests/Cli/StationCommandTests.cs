using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenCpm.Cli;
using OpenCpm.Protocols.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Cli;

/// <summary><c>opencpm station simulate</c>: firmware profile and fault knobs from the command line.</summary>
public sealed class StationCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Help_lists_the_firmware_profile_and_every_fault_knob()
    {
        var (exitCode, output, _) = await InvokeAsync(Ct, "station", "simulate", "--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--firmware", "--x-series", "--modbus-dip", "--interface-off", "--drop-bursts", "--transient-error", "--no-clock", "--vehicle" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("3.10.80", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_firmware_it_does_not_know()
    {
        var (exitCode, _, error) = await InvokeAsync(Ct, "station", "simulate", "--bind", "127.0.0.1", "--firmware", "9.9.9");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("9.9.9", error, StringComparison.Ordinal);
        Assert.Contains("3.10.57", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_a_3_10_80_station_with_Modbus_on_that_answers_report_1_but_not_report_2()
    {
        var address = FreePort.LoopbackAddress();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(FreePort.LoopbackAddress(), 7090));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = InvokeAsync(stop.Token, "station", "simulate", "--bind", address.ToString(), "--serial", "31080001", "--firmware", "3.10.80", "--modbus-dip");
        var station = new IPEndPoint(address, 7090);
        KebaMessage? first = null;
        await Eventually.TrueAsync(async () =>
        {
            client.SendTo(Encoding.ASCII.GetBytes("report 1"), station);
            first = await ReceiveAsync(client, TimeSpan.FromMilliseconds(300));
            return first is not null;
        });

        // Then report 2 and i: a reply to report 2 would come before the firmware info (late report 1 replies are skipped).
        client.SendTo(Encoding.ASCII.GetBytes("report 2"), station);
        client.SendTo(Encoding.ASCII.GetBytes("i"), station);
        KebaMessage? next;
        do
        {
            next = await ReceiveAsync(client, TimeSpan.FromSeconds(5));
        }
        while (next is KebaReport1);

        await stop.CancelAsync();
        var (exitCode, output, _) = await run;

        Assert.Equal(("31080001", "P30 v 3.10.80 (251002-115400)"), (Assert.IsType<KebaReport1>(first).Serial, ((KebaReport1)first!).Firmware));
        Assert.Equal(new KebaFirmwareInfo("P30 v 3.10.80 (251002-115400)"), next);
        Assert.Equal(0, exitCode);
        Assert.Contains("firmware 3.10.80", output, StringComparison.Ordinal);
    }

    private static async Task<KebaMessage?> ReceiveAsync(Socket client, TimeSpan timeout)
    {
        var buffer = new byte[1024];
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(timeout);
        try
        {
            var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
            return KebaCodec.Parse(buffer.AsSpan(0, result.ReceivedBytes));
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.InvokeAsync(args, new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Synchronized(error) }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
