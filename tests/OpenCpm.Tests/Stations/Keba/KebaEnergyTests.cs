using Microsoft.Extensions.Time.Testing;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Stations;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Stations.Keba;

/// <summary>
/// Issue 18, item 5: a KEBA station's total energy and the session's energy come from one reading. Report 3 carries
/// both, but between polls the station pushes only <c>E pres</c>; the driver then moves the total along.
/// </summary>
public sealed class KebaEnergyTests
{
    private static readonly VehicleSpec FastCar = new() { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromMilliseconds(100), BatteryWh = 100_000 };

    [Fact]
    public async Task The_total_energy_never_falls_below_the_total_at_the_session_start_plus_the_session_energy_as_E_pres_pushes_arrive()
    {
        var stationTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Report 3 is read once, at the start: from then on only E pres pushes tell the energy.
        await using var h = KebaStationHarness.Start(stationTime: stationTime, configure: o => o with { PollInterval = TimeSpan.FromHours(1) });
        await Eventually.TrueAsync(() => h.Driver.Status.Current.LastSeen is not null, because: "the driver has read the station");
        var statuses = new List<StationStatus>();
        using var watching = h.Driver.Status.Subscribe(status =>
        {
            lock (statuses)
            {
                statuses.Add(status);
            }
        });

        h.Station.PlugIn(FastCar);
        for (var step = 0; step < 6; step++)
        {
            var before = h.Driver.Status.Current.SessionEnergyWh;
            stationTime.Advance(TimeSpan.FromSeconds(3)); // 22 kW: about 18 Wh, a push every 10 Wh
            await Eventually.TrueAsync(() => h.Driver.Status.Current.SessionEnergyWh > before, because: "an E pres push arrives");
        }

        var startTotalWh = h.Station.Inspect(m => (m.Report3().TotalEnergyTenthsWh - m.Report3().SessionEnergyTenthsWh) / 10.0);
        lock (statuses)
        {
            var charging = statuses.Where(s => s.SessionEnergyWh > 0).ToList();
            Assert.True(charging.Select(s => s.SessionEnergyWh).Distinct().Count() >= 6, $"{charging.Count} statuses with energy");
            Assert.All(charging, s => Assert.True(
                s.TotalEnergyWh >= startTotalWh + s.SessionEnergyWh - 0.05,
                $"total {s.TotalEnergyWh} Wh below the start total {startTotalWh} Wh + the session's {s.SessionEnergyWh} Wh"));
        }
    }

    [Theory]
    [InlineData(500, 10_000, 700, 700, 10_200)]
    [InlineData(500, 10_000, 500, 500, 10_000)]
    [InlineData(50_000, 90_000, 30, 30, 90_030)]
    public void A_pushed_E_pres_moves_the_total_along(long reportSession, long reportTotal, long pushed, long session, long total)
    {
        var report = new Protocols.Keba.KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = reportSession, TotalEnergyTenthsWh = reportTotal };

        var moved = OpenCpm.Stations.Keba.KebaStationDriver.WithSessionEnergy(report, pushed);

        Assert.Equal((session, total), (moved.SessionEnergyTenthsWh, moved.TotalEnergyTenthsWh));
    }
}
