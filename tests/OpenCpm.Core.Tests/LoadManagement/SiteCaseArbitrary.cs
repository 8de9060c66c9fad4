using FsCheck;
using FsCheck.Fluent;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>FsCheck generators for random sites: clusters, wirings and rotations, vehicles, limits and meter states.</summary>
public static class SiteCaseArbitrary
{
    public static Arbitrary<SiteCase> SiteCases() => SiteCaseGen.ToArbitrary();

    private static readonly Gen<double?> OptionalLimit =
        Gen.Elements<double?>(null, null, null, 0, 5, 6, 8, 10, 13, 16, 20, 32);

    private static Gen<SiteCase> SiteCaseGen =>
        from siteMax in Gen.Elements(6.0, 10, 16, 25, 32, 40, 63, 100, 160, 250)
        from min in Gen.Elements(6.0, 6, 6, 8)
        let siteMaxA = Math.Max(siteMax, min)
        from unbalanced in Gen.Elements<double?>(null, null, 4.6, 10, 20)
        from power in Gen.Elements<double?>(null, null, 7400, 11000, 22000, 60000)
        from fallback in Gen.Elements<double?>(null, 0, 4000, 11000)
        from clustersEnabled in Gen.Elements(true, true, false)
        from clusterMaxes in Gen.ListOf(Gen.Choose((int)Math.Ceiling(min), (int)siteMaxA).Select(x => (double)x)).Select(l => l.Take(4).ToList())
        let clusters = clusterMaxes.Select((m, k) => new ClusterSettings { Id = $"c{k}", MaxCurrentA = m }).ToList()
        from count in Gen.Choose(1, 24)
        from chargePoints in Gen.ArrayOf(ChargePointGen(clusters.Select(c => c.Id).ToArray(), min), count)
        let settings = new SiteSettings
        {
            MaxCurrentA = siteMaxA,
            MinChargingCurrentA = min,
            UnbalancedLoadLimitA = unbalanced,
            MaxPowerW = power,
            MeterFallbackPowerW = fallback,
            ClustersEnabled = clustersEnabled,
            Clusters = clusters,
            RotationPeriod = TimeSpan.FromMinutes(15),
            ChargePoints = [.. chargePoints.Select((cp, k) => cp with { Id = $"cp{k}" })],
        }
        from cycleCount in Gen.Choose(1, 8)
        from cycles in Gen.ArrayOf(CycleGen(count), cycleCount)
        select new SiteCase(settings, cycles);

    private static Gen<ChargePointSettings> ChargePointGen(string[] clusterIds, double min) =>
        from single in Gen.Elements(false, false, true)
        from rotation in Gen.Elements(PhaseRotation.L1L2L3, PhaseRotation.L2L3L1, PhaseRotation.L3L1L2)
        from phase in Gen.Elements(Phase.L1, Phase.L2, Phase.L3)
        from max in Gen.Elements(8.0, 10, 13, 16, 20, 32, 63)
        from failsafe in Gen.Elements(0.0, 0, 6, 8)
        from cluster in Gen.Elements(clusterIds.Cast<string?>().Append(null).Append(null).ToArray())
        from unbalanced in Gen.Elements<double?>(null, null, 10, 20)
        select new ChargePointSettings
        {
            Id = "x",
            Connection = single ? PhaseConnection.SinglePhase : PhaseConnection.ThreePhase,
            Rotation = rotation,
            SinglePhase = phase,
            MaxCurrentA = Math.Max(max, min),
            FailsafeCurrentA = failsafe,
            Cluster = cluster,
            UnbalancedLoadLimitA = unbalanced,
        };

    private static Gen<SiteCycle> CycleGen(int count) =>
        from demands in Gen.ArrayOf(DemandGen, count)
        from meter in Gen.Elements(MeterState.None, MeterState.Ok, MeterState.Ok, MeterState.Lost)
        from l1 in Gen.Choose(-20, 300)
        from l2 in Gen.Choose(-20, 300)
        from l3 in Gen.Choose(-20, 300)
        from ocpp in Gen.Elements<double?>(null, null, null, 0, 10, 32, 100)
        from api in Gen.Elements<double?>(null, null, null, 16, 63)
        from advance in Gen.Elements(0, 1, 1, 5, 30, 300, 900)
        from previous in Gen.Elements(true, true, false)
        select new SiteCycle(
            demands,
            new SiteConditions { Meter = meter, MeterCurrentA = new PhaseCurrents(l1, l2, l3), OcppSiteLimitA = ocpp, ApiSiteLimitA = api },
            advance,
            previous);

    private static Gen<ChargePointDemand> DemandGen =>
        from state in Gen.Elements(Enum.GetValues<ChargePointState>())
        from authorized in Gen.Elements(true, true, true, false)
        from vehicle in Gen.Elements(PhaseSet.None, PhaseSet.None, PhaseSet.First(1), PhaseSet.First(2), PhaseSet.AllThree, PhaseSet.Of(Phase.L2))
        from measured in Gen.Choose(0, 40)
        from commanded in Gen.Elements(0.0, 0, 6, 10, 16, 32)
        from hardware in OptionalLimit
        from ocpp in OptionalLimit
        from user in OptionalLimit
        from likely in Gen.Elements(PhaseSet.None, PhaseSet.None, PhaseSet.First(1), PhaseSet.First(2), PhaseSet.AllThree)
        from minimum in Gen.Elements<double?>(null, null, null, 8, 10, 13)
        from reserved in Gen.Elements(false, false, false, true)
        select new ChargePointDemand
        {
            HeldForReservation = reserved,
            State = state,
            Authorized = authorized,
            VehiclePhases = vehicle,
            LikelyVehiclePhases = likely,
            MinimumCurrentA = minimum,
            MeasuredCurrentA = new PhaseCurrents(
                vehicle.IsEmpty || vehicle.Contains(Phase.L1) ? measured : 0,
                vehicle.IsEmpty || vehicle.Contains(Phase.L2) ? measured : 0,
                vehicle.IsEmpty || vehicle.Contains(Phase.L3) ? measured : 0),
            CommandedSetpointA = commanded,
            HardwareLimitA = hardware,
            OcppLimitA = ocpp,
            UserLimitA = user,
        };
}
