using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>
/// The per-station command queue on a fake clock: a datagram the timing rules hold back is not on the wire
/// (loopback delivers a datagram into the peer's buffer before sendto returns), and goes out once the clock passes.
/// </summary>
public sealed class KebaStationLinkTimingTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly KebaUdpEndpoint _endpoint;
    private readonly Socket _peer;
    private readonly KebaStationLink _link;

    public KebaStationLinkTimingTests()
    {
        _endpoint = new KebaUdpEndpoint(
            new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress(), Timing = new KebaTimingOptions { MaxAttempts = 2 } },
            _time,
            new RecordingLoggerProvider().CreateLogger<KebaUdpEndpoint>());
        _endpoint.Start();
        _peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _peer.Bind(new IPEndPoint(FreePort.LoopbackAddress(), 7090));
        _link = _endpoint.Connect(((IPEndPoint)_peer.LocalEndPoint!).Address);
    }

    public async ValueTask DisposeAsync()
    {
        _peer.Dispose();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task Holds_an_identical_poll_until_5_s_after_the_last()
    {
        await ExchangeAsync(KebaCommand.Report(2), "{\"ID\": \"2\", \"State\": 1, \"Plug\": 0, \"Enable sys\": 1, \"Max curr\": 0}");
        _time.Advance(TimeSpan.FromSeconds(1));

        var second = _link.SendAsync(KebaCommand.Report(2), TestContext.Current.CancellationToken);
        Assert.Equal(0, _peer.Available);
        _time.Advance(TimeSpan.FromSeconds(3.9));
        Assert.Equal(0, _peer.Available);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("report 2", await ReceiveAsync());
        Reply("{\"ID\": \"2\", \"State\": 1, \"Plug\": 0, \"Enable sys\": 1, \"Max curr\": 0}");
        Assert.IsType<KebaReport2>((await second).Reply);
    }

    [Fact]
    public async Task Lets_a_setpoint_go_out_while_a_repeated_poll_waits_for_its_5_s()
    {
        const string Report2 = "{\"ID\": \"2\", \"State\": 1, \"Plug\": 0, \"Enable sys\": 1, \"Max curr\": 0}";
        await ExchangeAsync(KebaCommand.Report(2), Report2);
        _time.Advance(TimeSpan.FromSeconds(1));

        var poll = _link.SendAsync(KebaCommand.Report(2), TestContext.Current.CancellationToken);
        var setpoint = _link.SendAsync(KebaCommand.CurrTime(10000, 1), TestContext.Current.CancellationToken);

        Assert.Equal(KebaCommand.CurrTime(10000, 1).Text, await ReceiveAsync());
        Reply("TCH-OK :done\n");
        Assert.IsType<KebaAcknowledge>((await setpoint).Reply);
        Assert.False(poll.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("report 2", await ReceiveAsync());
        Reply(Report2);
        Assert.IsType<KebaReport2>((await poll).Reply);
    }

    [Fact]
    public async Task Stays_quiet_for_2_s_after_ena_0()
    {
        await ExchangeAsync(KebaCommand.Enable(false), "TCH-OK :done\n");

        var poll = _link.SendAsync(KebaCommand.Report(2), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(0, _peer.Available);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("report 2", await ReceiveAsync());
        Reply("{\"ID\": \"2\", \"State\": 5, \"Plug\": 7, \"Enable sys\": 0, \"Max curr\": 0}");
        Assert.Equal(5, Assert.IsType<KebaReport2>((await poll).Reply).State);
    }

    [Fact]
    public async Task Retries_after_the_reply_timeout_then_gives_up()
    {
        var exchange = _link.SendAsync(KebaCommand.Report(3), TestContext.Current.CancellationToken);
        Assert.Equal("report 3", await ReceiveAsync());

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("report 3", await ReceiveAsync());
        Assert.False(exchange.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await exchange;
        Assert.Equal((KebaExchangeOutcome.TimedOut, 2), (result.Outcome, result.Attempts));
    }

    private async Task ExchangeAsync(KebaCommand command, string reply)
    {
        var exchange = _link.SendAsync(command, TestContext.Current.CancellationToken);
        Assert.Equal(command.Text, await ReceiveAsync());
        Reply(reply);
        Assert.Equal(KebaExchangeOutcome.Replied, (await exchange).Outcome);
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[1024];
        await Eventually.TrueAsync(() => _peer.Available > 0);
        var count = _peer.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }

    private void Reply(string text) => _peer.SendTo(Encoding.ASCII.GetBytes(text), _endpoint.LocalEndPoint);
}
