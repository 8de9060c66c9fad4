using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Keba;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Site;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Simulation.Tests.Site;

/// <summary>
/// The simulated site on real sockets (UDP stations on unique loopback addresses, the meter on Modbus TCP), with
/// the clock of the stations, vehicles and meter in the test's hand. With no controller the stations offer their
/// hardware limit (32 A), so every vehicle draws its own maximum after its reaction delay.
/// </summary>
public sealed class SimulatedSiteTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static VehicleSpec Vehicle(int phases, double maxCurrentA) => new() { Phases = phases, MaxCurrentA = maxCurrentA };

    [Fact]
    public async Task Meter_current_is_household_plus_what_each_station_draws_through_its_wiring()
    {
        var household = new PhaseCurrents(3, 4, 5);
        await using var site = SimulatedSite.Start(
            new SimulatedSiteOptions
            {
                NetworkClients = false, // the stations charge on their own: no controller takes them over here
                Stations =
                [
                    Setup(0, StationWiring.Standard),
                    Setup(1, StationWiring.Rotated(PhaseRotation.L2L3L1)),
                    Setup(2, StationWiring.Rotated(PhaseRotation.L3L1L2)),
                    Setup(3, StationWiring.OnePhase(Phase.L3)),
                ],
                HouseholdLoad = household,
            },
            _time);

        site.Stations[0].PlugIn(Vehicle(1, 10)); // station L1 = grid L1
        site.Stations[1].PlugIn(Vehicle(1, 16)); // station L1 = grid L2
        site.Stations[2].PlugIn(Vehicle(2, 7));  // station L1, L2 = grid L3, L1
        site.Stations[3].PlugIn(Vehicle(3, 8));  // only station L1 is connected, to grid L3
        _time.Advance(TimeSpan.FromSeconds(3));

        var expected = household + new PhaseCurrents(10 + 7, 16, 7 + 8);
        AssertCurrents(expected, site.ChargingLoad() + household);
        var values = await ReadMeterAsync(site);
        Assert.Equal(expected.L1, values.CurrentL1A!.Value, 0.01);
        Assert.Equal(expected.L2, values.CurrentL2A!.Value, 0.01);
        Assert.Equal(expected.L3, values.CurrentL3A!.Value, 0.01);
    }

    [Fact]
    public async Task Meter_follows_the_stations_on_the_clock_and_right_after_an_unplug()
    {
        await using var site = SimulatedSite.Start(
            new SimulatedSiteOptions { Stations = [Setup(0, StationWiring.Rotated(PhaseRotation.L2L3L1))], HouseholdLoad = PhaseCurrents.Zero, NetworkClients = false },
            _time);

        site.Stations[0].PlugIn(Vehicle(1, 12));
        AssertCurrents(PhaseCurrents.Zero, site.Meter.ChargingLoad); // the vehicle reacts after 2 s
        _time.Advance(TimeSpan.FromSeconds(1));
        AssertCurrents(PhaseCurrents.Zero, site.Meter.ChargingLoad);
        _time.Advance(TimeSpan.FromSeconds(2));
        AssertCurrents(new PhaseCurrents(0, 12, 0), site.Meter.ChargingLoad);

        site.Stations[0].Unplug();
        AssertCurrents(PhaseCurrents.Zero, site.Meter.ChargingLoad);
        Assert.Null(site.Stations[0].VehicleSoc());
    }

    [Fact]
    public async Task Household_load_is_settable_and_served_over_modbus()
    {
        await using var site = SimulatedSite.Start(new SimulatedSiteOptions { Stations = [Setup(0, StationWiring.Standard)] }, _time);
        AssertCurrents(SimulatedSiteOptions.DefaultHouseholdLoad, site.HouseholdLoad);

        site.SetHouseholdLoad(new PhaseCurrents(20, 1, -4));

        var values = await ReadMeterAsync(site);
        Assert.Equal(20, values.CurrentL1A!.Value, 0.01);
        Assert.Equal(1, values.CurrentL2A!.Value, 0.01);
        Assert.Equal(-4, values.CurrentL3A!.Value, 0.01);
    }

    [Fact]
    public async Task Stations_answer_the_keba_protocol_on_their_own_addresses_and_a_card_reaches_the_station()
    {
        var setup = StationSetup.Default(0, FreePort.LoopbackAddress());
        var whitelisted = setup with { Profile = setup.Profile with { Whitelist = ["04a1b2c3d4e5f6"] } };
        await using var site = SimulatedSite.Start(new SimulatedSiteOptions { Stations = [whitelisted, Setup(1, StationWiring.Standard)] }, _time);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 3000 };
        client.Bind(new IPEndPoint(FreePort.LoopbackAddress(), 7090));

        var report = Assert.IsType<KebaReport1>(await AskAsync(client, site.Stations[1].Address, "report 1"));
        Assert.Equal(site.Stations[1].Serial, report.Serial);
        Assert.Equal("90000002", report.Serial);
        Assert.Same(site.Stations[1], site.FindStation(site.Stations[1].Address));

        site.Stations[0].PlugIn(Vehicle(3, 16));
        Assert.Equal(1, Assert.IsType<KebaReport2>(await AskAsync(client, site.Stations[0].Address, "report 2")).AuthRequired);
        site.Stations[0].PresentCard("04A1B2C3D4E5F6");
        _time.Advance(TimeSpan.FromMilliseconds(100)); // the site's stations drop a command within 100 ms of the last
        Assert.Equal(0, Assert.IsType<KebaReport2>(await AskAsync(client, site.Stations[0].Address, "report 2")).AuthRequired);
    }

    [Fact]
    public void Default_addresses_start_at_127_0_0_11_and_never_use_the_controllers_127_0_0_1()
    {
        Assert.Equal(IPAddress.Parse("127.0.0.11"), StationSetup.DefaultAddress(0));
        Assert.Equal(IPAddress.Parse("127.0.0.210"), StationSetup.DefaultAddress(199));
        Assert.Equal(IPAddress.Parse("127.0.1.11"), StationSetup.DefaultAddress(200));
        var addresses = Enumerable.Range(0, 1000).Select(StationSetup.DefaultAddress).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.DoesNotContain(IPAddress.Loopback, addresses);

        var options = SimulatedSiteOptions.WithStations(4);
        Assert.Equal(
            [PhaseRotation.L1L2L3, PhaseRotation.L2L3L1, PhaseRotation.L3L1L2, PhaseRotation.L1L2L3],
            options.Stations.Select(st => st.Wiring.Rotation));
        Assert.Equal(["90000001", "90000002", "90000003", "90000004"], options.Stations.Select(st => st.Profile.Serial));
    }

    [Fact]
    public async Task Refuses_two_stations_on_one_address_and_releases_everything_when_an_address_is_taken()
    {
        var address = FreePort.LoopbackAddress();
        Assert.Throws<ArgumentException>(() => SimulatedSite.Start(
            new SimulatedSiteOptions { Stations = [StationSetup.Default(0, address), StationSetup.Default(1, address)] }, _time));

        await using var occupant = SimulatedKebaStation.Start(address, KebaStationProfile.CSeries("1"), _time);
        var first = FreePort.LoopbackAddress();
        Assert.Throws<SocketException>(() => SimulatedSite.Start(
            new SimulatedSiteOptions { Stations = [StationSetup.Default(0, first), StationSetup.Default(1, address)] }, _time));

        // The first station's address was released: a new site can take it.
        await using var again = SimulatedSite.Start(new SimulatedSiteOptions { Stations = [StationSetup.Default(0, first)] }, _time);
        Assert.Single(again.Stations);
    }

    private static StationSetup Setup(int index, StationWiring wiring) =>
        StationSetup.Default(index, FreePort.LoopbackAddress()) with { Wiring = wiring };

    private static void AssertCurrents(PhaseCurrents expected, PhaseCurrents actual)
    {
        Assert.Equal(expected.L1, actual.L1, 0.001);
        Assert.Equal(expected.L2, actual.L2, 0.001);
        Assert.Equal(expected.L3, actual.L3, 0.001);
    }

    private static async Task<MeterValues> ReadMeterAsync(SimulatedSite site)
    {
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions(site.MeterAddress.ToString(), site.MeterPort, 1));
        return await new MeterProfileReader(site.Meter.Profile, client).ReadAsync(Ct);
    }

    private static async Task<KebaMessage> AskAsync(Socket client, IPAddress station, string command)
    {
        await client.SendToAsync(Encoding.ASCII.GetBytes(command), SocketFlags.None, new IPEndPoint(station, 7090), Ct);
        var buffer = new byte[2048];
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            var message = KebaCodec.Parse(Encoding.Latin1.GetString(buffer, 0, result.ReceivedBytes));
            if (message is not KebaPushMessage)
            {
                return message;
            }
        }
    }
}
