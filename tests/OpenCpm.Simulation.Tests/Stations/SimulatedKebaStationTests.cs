using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Simulation.Tests.Stations;

/// <summary>The simulated station on a real UDP socket, driven by a raw client socket bound to its own loopback address at 7090.</summary>
public sealed class SimulatedKebaStationTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly Socket _client;
    private readonly IPEndPoint _clientEndPoint;

    public SimulatedKebaStationTests()
    {
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 3000 };
        _clientEndPoint = new IPEndPoint(FreePort.LoopbackAddress(), 7090);
        _client.Bind(_clientEndPoint);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Answers_at_the_senders_address_on_port_7090_from_its_own_port()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("22054282"), _time);

        var (reply, from) = await AskAsync(station, "report 1");

        Assert.Equal("22054282", Assert.IsType<KebaReport1>(reply).Serial);
        Assert.Equal(station.EndPoint, from);
    }

    [Fact]
    public async Task Pushes_to_the_last_commander_when_a_vehicle_is_plugged_in()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);
        await AskAsync(station, "i");

        station.PlugIn(new VehicleSpec());

        var pushes = new List<KebaMessage>();
        for (var i = 0; i < 3; i++)
        {
            pushes.Add(await ReceiveAsync());
        }

        Assert.Contains(new KebaPushMessage("Plug", 7), pushes);
        Assert.Contains(new KebaPushMessage("State", 2), pushes);
        Assert.Contains(new KebaPushMessage("Max curr", 32000), pushes);
    }

    [Fact]
    public async Task Charges_on_its_timer_and_E_pres_grows()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);
        station.PlugIn(new VehicleSpec { Reaction = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 60; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var (reply, _) = await AskAsync(station, "report 3");

        var r3 = Assert.IsType<KebaReport3>(reply);
        Assert.Equal(16000, r3.I1MilliA);
        Assert.InRange(r3.SessionEnergyTenthsWh, 1800, 1900);
    }

    [Fact]
    public async Task Drops_datagrams_and_goes_silent_on_request()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);
        station.Faults.DropNextDatagrams(1);
        Send(station, "report 2");
        var (reply, _) = await AskAsync(station, "report 3");
        Assert.IsType<KebaReport3>(reply);

        station.Faults.Silent = true;
        Send(station, "report 2");
        await Eventually.TrueAsync(() => station.DatagramsReceived == 3);
        Assert.Equal(0, _client.Available);
    }

    [Fact]
    public async Task Fleet_starts_stations_on_consecutive_addresses()
    {
        var baseAddress = FreePort.LoopbackAddress().GetAddressBytes();
        var first = new IPAddress([127, baseAddress[1], 251, 1]);
        await using var fleet = SimulatedKebaFleet.Start(first, 5, _time);

        Assert.Equal(5, fleet.Stations.Count);
        Assert.Equal(new IPAddress([127, baseAddress[1], 251, 5]), fleet.Stations[4].Address);
        foreach (var station in fleet.Stations)
        {
            var (reply, _) = await AskAsync(station, "report 1");
            Assert.Equal(station.Profile.Serial, Assert.IsType<KebaReport1>(reply).Serial);
        }

        Assert.Equal(IPAddress.Parse("10.0.1.4"), SimulatedKebaFleet.AddressAt(IPAddress.Parse("10.0.0.250"), 10));
    }

    [Fact]
    public async Task Firmware_3_10_80_ignores_a_request_from_any_port_but_7090_where_3_10_57_answers_it()
    {
        await using var latest = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1") with { Firmware = KebaFirmwareProfile.V31080 }, _time);
        await using var older = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("2") with { Firmware = KebaFirmwareProfile.V31057 }, _time);
        using var ephemeral = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        ephemeral.Bind(new IPEndPoint(_clientEndPoint.Address, 0));

        ephemeral.SendTo(Encoding.ASCII.GetBytes("report 2"), latest.EndPoint);
        await Eventually.TrueAsync(() => latest.DatagramsReceived == 1);
        var (first, _) = await AskAsync(latest, "report 1");
        ephemeral.SendTo(Encoding.ASCII.GetBytes("report 2"), older.EndPoint);

        Assert.IsType<KebaReport1>(first);
        Assert.Equal(1, latest.IgnoredFromOtherPorts);
        Assert.IsType<KebaReport2>(await ReceiveAsync()); // the older firmware answers, to port 7090 as always
        Assert.Equal(0, older.IgnoredFromOtherPorts);
    }

    [Fact]
    public async Task Firmware_3_10_80_with_Modbus_on_answers_report_1_but_never_reports_2_3_or_100()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1") with { Firmware = KebaFirmwareProfile.V31080 }, _time);
        station.Faults.ModbusEnabled = true;

        Send(station, "report 2");
        Send(station, "report 3");
        Send(station, "report 100");
        var (reply, _) = await AskAsync(station, "report 1");

        // The station takes datagrams in order: had it answered one of the three, that reply would have come first.
        Assert.Equal("P30 v 3.10.80 (251002-115400)", Assert.IsType<KebaReport1>(reply).Firmware);
        Assert.Equal(4, station.DatagramsReceived);
        Assert.Equal(0, _client.Available);
    }

    [Fact]
    public async Task Drops_a_command_that_comes_within_100_ms_of_the_last_one_it_took()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);
        station.Faults.DropBursts = true;

        var (first, _) = await AskAsync(station, "report 1");
        Send(station, "report 2");
        await Eventually.TrueAsync(() => station.CommandsDropped == 1);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Send(station, "report 2");
        await Eventually.TrueAsync(() => station.CommandsDropped == 2);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var (third, _) = await AskAsync(station, "report 3");

        Assert.IsType<KebaReport1>(first);
        Assert.IsType<KebaReport3>(third);
        Assert.Equal((4L, 2L), (station.DatagramsReceived, station.CommandsDropped));
        Assert.Equal(0, _client.Available);
    }

    [Fact]
    public async Task Pushes_the_X1_input_to_the_last_commander_when_it_changes()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);
        await AskAsync(station, "report 2");

        station.SetInput(true);
        var push = await ReceiveAsync();
        var (report, _) = await AskAsync(station, "report 2");

        Assert.Equal(new KebaPushMessage("Input", 1), push);
        Assert.Equal(1, Assert.IsType<KebaReport2>(report).Input);
    }

    [Fact]
    public async Task Sends_raw_text_from_its_own_address_and_port()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("1"), _time);

        station.SendRaw("{\"E Pres\": 42}", _clientEndPoint);
        var buffer = new byte[64];
        var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), Ct);

        Assert.Equal(station.EndPoint, result.RemoteEndPoint);
        Assert.Equal("{\"E Pres\": 42}", Encoding.Latin1.GetString(buffer, 0, result.ReceivedBytes));
    }

    private void Send(SimulatedKebaStation station, string command) =>
        _client.SendTo(Encoding.ASCII.GetBytes(command), station.EndPoint);

    private async Task<(KebaMessage Message, IPEndPoint From)> AskAsync(SimulatedKebaStation station, string command)
    {
        Send(station, command);
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return (KebaCodec.Parse(buffer.AsSpan(0, result.ReceivedBytes)), (IPEndPoint)result.RemoteEndPoint);
    }

    private async Task<KebaMessage> ReceiveAsync()
    {
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return KebaCodec.Parse(buffer.AsSpan(0, result.ReceivedBytes));
    }
}
