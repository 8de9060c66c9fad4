using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Benchmarks.LoadManagement;

/// <summary>
/// The benchmark site: n charge points in 15 clusters; every fourth station is single-phase (spread over the grid
/// phases), the three-phase ones use all three wiring rotations; every fifth vehicle charges on one phase, every
/// seventh draws at most 10 A; an unbalanced-load limit, a power limit, and a site limit tight enough that some
/// vehicles wait in the queue; every third cluster has a fuse that binds.
/// </summary>
internal static class AllocatorBenchmarkSite
{
    public const int Clusters = 15;
    private const double HouseholdA = 30;

    public static SiteSettings Build(int n)
    {
        var siteA = Math.Max(63, 4.0 * n);
        var clusters = new ClusterSettings[Clusters];
        for (var c = 0; c < Clusters; c++)
        {
            // Every third cluster has a small fuse that binds before the site does.
            var share = c % 3 == 0 ? 4.0 : 8.0;
            clusters[c] = new ClusterSettings { Id = $"c{c}", MaxCurrentA = Math.Min(siteA, Math.Max(32, share * n / Clusters)) };
        }

        var chargePoints = new ChargePointSettings[n];
        for (var i = 0; i < n; i++)
        {
            var single = i % 4 == 3;
            chargePoints[i] = new ChargePointSettings
            {
                Id = $"cp{i}",
                Cluster = $"c{i % Clusters}",
                Connection = single ? PhaseConnection.SinglePhase : PhaseConnection.ThreePhase,
                SinglePhase = (Phase)(i / 4 % 3),
                Rotation = (PhaseRotation)(i % 3),
                MaxCurrentA = i % 2 == 0 ? 32 : 16,
                UnbalancedLoadLimitA = single ? 20 : null,
            };
        }

        return new SiteSettings
        {
            MaxCurrentA = siteA,
            MaxPowerW = siteA * 3 * 230 * 0.9,
            UnbalancedLoadLimitA = Math.Max(20, n / 10.0),
            ClustersEnabled = true,
            Clusters = clusters,
            ChargePoints = chargePoints,
        };
    }

    public static ChargePointDemand[] InitialDemands(SiteSettings site)
    {
        var demands = new ChargePointDemand[site.ChargePoints.Count];
        for (var i = 0; i < demands.Length; i++)
        {
            var state = i % 11 == 0 ? ChargePointState.Idle
                : i % 13 == 0 ? ChargePointState.SuspendedByEv
                : ChargePointState.Charging;
            demands[i] = new ChargePointDemand
            {
                State = state,
                Authorized = true,
                VehiclePhases = state == ChargePointState.Idle ? PhaseSet.None
                    : i % 5 == 0 ? PhaseSet.Of(Phase.L1) : PhaseSet.AllThree,
            };
        }

        return demands;
    }

    /// <summary>The stations take the new setpoints and the vehicles draw what they may (up to their own maximum).</summary>
    public static void Follow(SiteSettings site, Allocation allocation, ChargePointDemand[] demands)
    {
        for (var i = 0; i < demands.Length; i++)
        {
            var d = demands[i];
            var setpoint = allocation.SetpointA[i];
            var drawn = d.State == ChargePointState.Charging ? Math.Min(setpoint, i % 7 == 0 ? 10 : 32) : 0;
            var phases = site.ChargePoints[i].Connection == PhaseConnection.SinglePhase ? PhaseSet.Of(Phase.L1) : d.VehiclePhases;
            demands[i] = d with
            {
                CommandedSetpointA = setpoint,
                MeasuredCurrentA = new PhaseCurrents(
                    phases.Contains(Phase.L1) ? drawn : 0,
                    phases.Contains(Phase.L2) ? drawn : 0,
                    phases.Contains(Phase.L3) ? drawn : 0),
            };
        }
    }

    /// <summary>The meter sees a household load plus what the stations draw, on the grid phases.</summary>
    public static SiteConditions Conditions(SiteSettings site, ChargePointDemand[] demands)
    {
        var grid = PhaseCurrents.All(HouseholdA);
        for (var i = 0; i < demands.Length; i++)
        {
            var cp = site.ChargePoints[i];
            var m = demands[i].MeasuredCurrentA;
            grid += cp.Connection == PhaseConnection.SinglePhase
                ? PhaseCurrents.Zero.With(cp.SinglePhase, m.L1)
                : cp.Rotation.ToGrid(m);
        }

        return new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = grid };
    }
}
