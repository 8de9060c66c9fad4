using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>The endpoint and its per-station links over real UDP sockets on loopback addresses, against a scripted peer.</summary>
public sealed class KebaUdpEndpointTests : IAsyncDisposable
{
    private const string Report2 = "{\n\"ID\": \"2\",\n\"State\": 3,\n\"Plug\": 7,\n\"Enable sys\": 1,\n\"Max curr\": 16000\n}\n";

    private readonly RecordingLoggerProvider _logs = new();
    private readonly KebaUdpEndpoint _endpoint;

    public KebaUdpEndpointTests()
    {
        var options = new KebaUdpEndpointOptions
        {
            Address = FreePort.LoopbackAddress(),
            Timing = new KebaTimingOptions { ReplyTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 3 },
        };
        _endpoint = new KebaUdpEndpoint(options, TimeProvider.System, _logs.CreateLogger<KebaUdpEndpoint>());
        _endpoint.Start();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task Matches_a_report_reply_when_a_push_message_arrives_first()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), cmd => cmd == "report 2" ? ["{\"E pres\": 29181}", Report2] : []);
        var link = _endpoint.Connect(peer.Address);

        var exchange = await link.SendAsync(KebaCommand.Report(2), Ct);

        Assert.Equal(KebaExchangeOutcome.Replied, exchange.Outcome);
        Assert.Equal(3, Assert.IsType<KebaReport2>(exchange.Reply).State);
        Assert.Equal(new KebaPushMessage("E pres", 29181), await link.Unsolicited.ReadAsync(Ct));
    }

    [Fact]
    public async Task Matches_an_acknowledge_after_a_push_and_ignores_other_reports()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), cmd => ["{\"State\": 2}", Report2, "TCH-OK :done\n"]);
        var link = _endpoint.Connect(peer.Address);

        var exchange = await link.SendAsync(KebaCommand.CurrTime(10000), Ct);

        Assert.True(exchange.Acknowledged);
        Assert.Equal(new KebaPushMessage("State", 2), await link.Unsolicited.ReadAsync(Ct));
        Assert.IsType<KebaReport2>(await link.Unsolicited.ReadAsync(Ct));
    }

    [Fact]
    public async Task Retries_when_a_reply_is_lost()
    {
        var calls = 0;
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => Interlocked.Increment(ref calls) == 1 ? [] : [Report2]);
        var link = _endpoint.Connect(peer.Address);

        var exchange = await link.SendAsync(KebaCommand.Report(2), Ct);

        Assert.Equal(KebaExchangeOutcome.Replied, exchange.Outcome);
        Assert.Equal(2, exchange.Attempts);
        Assert.Equal(["report 2", "report 2"], peer.Received);
    }

    [Fact]
    public async Task Times_out_after_a_bounded_number_of_attempts()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => []);
        var link = _endpoint.Connect(peer.Address);

        var exchange = await link.SendAsync(KebaCommand.Report(3), Ct);

        Assert.Equal(KebaExchangeOutcome.TimedOut, exchange.Outcome);
        Assert.Null(exchange.Reply);
        Assert.Equal(3, exchange.Attempts);
        await Eventually.TrueAsync(() => peer.Received.Count == 3);
    }

    [Fact]
    public async Task Returns_a_rejection_and_refuses_a_second_phase_switch_inside_the_lockout()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => ["TCH-ERR:X2 : not allowed now\n"]);
        var link = _endpoint.Connect(peer.Address);

        var first = await link.SendAsync(KebaCommand.PhaseSwitch(threePhase: false), Ct);
        var second = await link.SendAsync(KebaCommand.PhaseSwitch(threePhase: true), Ct);

        Assert.Equal(new KebaRejection("TCH-ERR:X2 : not allowed now"), first.Reply);
        Assert.Equal(KebaExchangeOutcome.NotAllowedNow, second.Outcome);
        Assert.Single(peer.Received);
    }

    [Fact]
    public async Task Sends_no_datagram_for_a_command_without_reply_and_returns_at_once()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => []);
        var link = _endpoint.Connect(peer.Address);

        var exchange = await link.SendAsync(KebaCommand.Output(5), Ct);

        Assert.Equal(KebaExchangeOutcome.Sent, exchange.Outcome);
        await Eventually.TrueAsync(() => peer.Received.SequenceEqual(["output 5"]));
    }

    [Fact]
    public async Task Sends_from_its_bound_port_and_routes_replies_by_source_address()
    {
        var sourcePorts = new List<string>();
        await using var a = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => ["{\"ID\": \"2\", \"State\": 1, \"Plug\": 0, \"Enable sys\": 0, \"Max curr\": 0, \"Serial\": \"A\"}"]);
        await using var b = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => ["{\"ID\": \"2\", \"State\": 1, \"Plug\": 0, \"Enable sys\": 0, \"Max curr\": 0, \"Serial\": \"B\"}"]);

        var replies = await Task.WhenAll(_endpoint.Connect(a.Address).SendAsync(KebaCommand.Report(2), Ct), _endpoint.Connect(b.Address).SendAsync(KebaCommand.Report(2), Ct));

        Assert.Equal("A", Assert.IsType<KebaReport2>(replies[0].Reply).Serial);
        Assert.Equal("B", Assert.IsType<KebaReport2>(replies[1].Reply).Serial);
        Assert.Equal(7090, _endpoint.LocalEndPoint.Port);
    }

    [Fact]
    public async Task Discovers_stations_by_i_and_ignores_its_own_echo()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), cmd => cmd == "i" ? ["\"Firmware\":\"P30 v 3.10.57 (240521-093236)\""] : []);

        var found = await _endpoint.DiscoverAsync(peer.Address, TimeSpan.FromMilliseconds(200), Ct);
        var self = await _endpoint.DiscoverAsync(_endpoint.LocalEndPoint.Address, TimeSpan.FromMilliseconds(100), Ct);

        Assert.Equal([new KebaDiscoveredStation(peer.Address, "P30 v 3.10.57 (240521-093236)")], found);
        Assert.Empty(self);
        Assert.Empty(_logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Drops_a_burst_of_malformed_datagrams_and_keeps_serving_the_station()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => [Report2]);
        var link = _endpoint.Connect(peer.Address);
        string[] junk = ["", "hello", "{\"ID\": \"9\"}", "{\"ID\": \"2\", \"State\": 77}", "{not json", "\u0001\u0002\u0003", "{\"State\": \"x\"}", "[1,2,3]", "{}", "\"Firmware\":"];

        // From the station's own socket (its address at 7090): the endpoint must parse these and survive them.
        for (var burst = 1; burst <= 2; burst++)
        {
            for (var i = 0; i < 100; i++)
            {
                peer.SendTo(_endpoint.LocalEndPoint, junk[i % junk.Length]);
            }

            var expected = burst * 100;
            await Eventually.TrueAsync(() => _endpoint.MalformedDatagrams == expected, because: "every malformed datagram is counted");
        }

        // One warning for the station in this minute, not one per datagram.
        Assert.Single(_logs.Entries, e => e.EventId.Id == 3000);
        var exchange = await link.SendAsync(KebaCommand.Report(2), Ct);
        Assert.IsType<KebaReport2>(exchange.Reply);
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null);
    }

    [Fact]
    public async Task Warns_about_malformed_datagrams_once_a_minute_per_station_with_their_count()
    {
        // Issue 9, hardening: before, every malformed datagram was one warning (a flood of garbage flooded the log).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var logs = new RecordingLoggerProvider();
        await using var endpoint = new KebaUdpEndpoint(new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress() }, time, logs.CreateLogger<KebaUdpEndpoint>());
        var station = new IPEndPoint(FreePort.LoopbackAddress(), 7090);
        var other = new IPEndPoint(FreePort.LoopbackAddress(), 7090);
        endpoint.Connect(station.Address);
        endpoint.Connect(other.Address);
        var warnings = () => logs.Entries.Where(e => e.EventId.Id == 3000 && e.Level == LogLevel.Warning).Select(e => e.Message).ToList();

        for (var i = 0; i < 50; i++)
        {
            endpoint.HandleDatagram("garbage"u8, station);
        }

        endpoint.HandleDatagram("{\"ID\": \"2\", \"State\": 42}"u8, other);
        Assert.Equal(2, warnings().Count);
        Assert.StartsWith($"Dropped 1 malformed datagram(s) from {station} (warned at most once a minute per station); the latest: ", warnings()[0], StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(1));
        endpoint.HandleDatagram("garbage"u8, station);
        Assert.Equal(3, warnings().Count);
        Assert.StartsWith($"Dropped 50 malformed datagram(s) from {station}", warnings()[2], StringComparison.Ordinal);
        Assert.Equal(52, endpoint.MalformedDatagrams);

        // From an address that is no station: counted, only at debug level.
        endpoint.HandleDatagram("garbage"u8, new IPEndPoint(FreePort.LoopbackAddress(), 7090));
        Assert.Equal((53L, 3), (endpoint.MalformedDatagrams, warnings().Count));
    }

    [Fact]
    public async Task Sends_commands_and_discovery_from_its_bound_port_7090_never_from_an_ephemeral_one()
    {
        await using var peer = new ScriptedKebaPeer(FreePort.LoopbackAddress(), cmd => cmd switch
        {
            "i" => ["\"Firmware\":\"P30 v 3.10.80 (251002-115400)\""],
            "report 2" => [Report2],
            _ => ["TCH-OK :done\n"],
        });
        var link = _endpoint.Connect(peer.Address);

        await link.SendAsync(KebaCommand.Report(2), Ct);
        await link.SendAsync(KebaCommand.CurrTime(10000), Ct);
        await _endpoint.DiscoverAsync(peer.Address, TimeSpan.FromMilliseconds(100), Ct);

        Assert.Equal(["report 2", "currtime 10000 1", "i"], peer.Received);
        Assert.All(peer.Senders, sender => Assert.Equal(new IPEndPoint(_endpoint.LocalEndPoint.Address, 7090), sender));
    }

    [Fact]
    public void Refuses_to_start_on_an_ephemeral_port()
    {
        using var logs = new RecordingLoggerProvider();
        var endpoint = new KebaUdpEndpoint(new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress(), Port = 0 }, TimeProvider.System, logs.CreateLogger<KebaUdpEndpoint>());

        var error = Assert.Throws<InvalidOperationException>(endpoint.Start);

        Assert.Equal("The KEBA endpoint must bind a fixed port (stations answer to 7090), not an ephemeral one.", error.Message);
    }

    [Fact]
    public async Task Drops_datagrams_from_a_station_address_at_another_port_and_warns_once_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var logs = new RecordingLoggerProvider();
        await using var endpoint = new KebaUdpEndpoint(new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress() }, time, logs.CreateLogger<KebaUdpEndpoint>());
        endpoint.Start();
        await using var station = new ScriptedKebaPeer(FreePort.LoopbackAddress(), _ => []);
        var link = endpoint.Connect(station.Address);
        using var spoofer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        spoofer.Bind(new IPEndPoint(station.Address, 0));
        const string Spoofed = "{\n\"ID\": \"3\",\n\"I1\": 0,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 0,\n\"E pres\": 0\n}\n";
        var warnings = () => logs.Entries.Count(e => e.EventId.Id == 3007 && e.Level == LogLevel.Warning);

        for (var i = 0; i < 5; i++)
        {
            spoofer.SendTo(Encoding.ASCII.GetBytes(Spoofed), endpoint.LocalEndPoint);
        }

        station.SendTo(endpoint.LocalEndPoint, "{\"State\": 3}");
        Assert.Equal(new KebaPushMessage("State", 3), await link.Unsolicited.ReadAsync(Ct));
        await Eventually.TrueAsync(() => endpoint.DatagramsFromOtherPorts == 5);
        Assert.Equal((5L, 1), (link.DatagramsFromOtherPorts, warnings()));
        Assert.False(link.Unsolicited.TryRead(out _), "no spoofed report reaches the station's link");
        Assert.Contains(logs.Entries, e => e.EventId.Id == 3007 && e.Message.Contains($"from {station.Address} sent from port {((IPEndPoint)spoofer.LocalEndPoint!).Port}, not 7090", StringComparison.Ordinal));

        spoofer.SendTo(Encoding.ASCII.GetBytes(Spoofed), endpoint.LocalEndPoint);
        await Eventually.TrueAsync(() => endpoint.DatagramsFromOtherPorts == 6);
        Assert.Equal(1, warnings());

        time.Advance(TimeSpan.FromMinutes(1));
        spoofer.SendTo(Encoding.ASCII.GetBytes(Spoofed), endpoint.LocalEndPoint);
        await Eventually.TrueAsync(() => warnings() == 2);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 3007 && e.Message.StartsWith("Dropped 6 datagram(s)", StringComparison.Ordinal));
        Assert.Equal(0, logs.Entries.Count(e => e.EventId.Id == 3000));
    }
}
