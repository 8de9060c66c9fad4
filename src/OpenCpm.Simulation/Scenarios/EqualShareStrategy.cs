using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// The manual's plain rule (9.1.1), the baseline: on each phase the limit is divided by the number of active charges
/// wired to that phase (the same for clusters); a station gets the smallest of its phases' shares and its own limit;
/// vehicles that would get less than the minimum wait, first come first served. It does not know which phases a
/// vehicle uses and does not give unused current to others.
/// </summary>
public sealed class EqualShareStrategy(SiteSettings settings) : IAllocationStrategy
{
    private readonly ChargePointSettings[] _cps = [.. settings.ChargePoints];
    private readonly long[] _arrival = new long[settings.ChargePoints.Count];
    private readonly List<int> _active = [];
    private long _nextArrival = 1;

    public string Name => "equal-share";

    public void Allocate(ReadOnlySpan<ChargePointDemand> demands, SiteConditions site, double[] setpointA, PhaseSet[] gridPhases)
    {
        var reserved = PhaseCurrents.Zero;
        var measured = PhaseCurrents.Zero;
        _active.Clear();
        for (var i = 0; i < _cps.Length; i++)
        {
            var d = demands[i];
            gridPhases[i] = _cps[i].WiredGridPhases;
            setpointA[i] = 0;
            if (d.State == ChargePointState.Offline)
            {
                setpointA[i] = Math.Max(_cps[i].FailsafeCurrentA, d.CommandedSetpointA);
                reserved += Spread(gridPhases[i], setpointA[i]);
                continue;
            }

            measured += _cps[i].Connection == PhaseConnection.SinglePhase
                ? PhaseCurrents.Zero.With(_cps[i].SinglePhase, d.MeasuredCurrentA.L1)
                : _cps[i].Rotation.ToGrid(d.MeasuredCurrentA);
            var wants = d.Authorized && d.State is not (ChargePointState.Idle or ChargePointState.Error);
            if (!wants)
            {
                _arrival[i] = 0;
                continue;
            }

            if (_arrival[i] == 0)
            {
                _arrival[i] = _nextArrival++;
            }

            _active.Add(i);
        }

        var limit = PhaseCurrents.All(settings.MaxCurrentA);
        foreach (var p in PhaseSet.All)
        {
            var l = settings.MaxCurrentA;
            if (site.Meter == MeterState.Ok)
            {
                l = Math.Min(l, settings.MaxCurrentA - (site.MeterCurrentA[p] - measured[p] - reserved[p]));
            }

            l = Math.Min(l, site.OcppSiteLimitA ?? double.PositiveInfinity);
            l = Math.Min(l, site.ApiSiteLimitA ?? double.PositiveInfinity);
            limit = limit.With(p, l - reserved[p]);
        }

        var powerA = settings.MaxPowerW is { } w ? w / settings.NominalVoltageV : double.PositiveInfinity;
        if (site.Meter == MeterState.Lost)
        {
            powerA = Math.Min(powerA, (settings.MeterFallbackPowerW ?? 0) / settings.NominalVoltageV);
        }

        powerA -= reserved.Sum;

        _active.Sort((a, b) => _arrival[a].CompareTo(_arrival[b]));
        while (_active.Count > 0)
        {
            if (TryShare(demands, limit, powerA, setpointA))
            {
                return;
            }

            setpointA[_active[^1]] = 0;
            _active.RemoveAt(_active.Count - 1); // the last to arrive waits
        }
    }

    private bool TryShare(ReadOnlySpan<ChargePointDemand> demands, PhaseCurrents limit, double powerA, double[] setpointA)
    {
        var count = new int[3];
        var slots = 0;
        var clusterCount = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var i in _active)
        {
            foreach (var p in _cps[i].WiredGridPhases.Phases())
            {
                count[(int)p]++;
                slots++;
                if (ClusterOf(i) is { } c)
                {
                    (clusterCount.TryGetValue(c.Id, out var cc) ? cc : clusterCount[c.Id] = new int[3])[(int)p]++;
                }
            }
        }

        foreach (var i in _active)
        {
            var share = _cps[i].MaxCurrentA;
            share = Math.Min(share, powerA / slots);
            foreach (var p in _cps[i].WiredGridPhases.Phases())
            {
                share = Math.Min(share, limit[p] / count[(int)p]);
                if (ClusterOf(i) is { } c)
                {
                    share = Math.Min(share, c.MaxCurrentA / clusterCount[c.Id][(int)p]);
                }
            }

            var d = demands[i];
            share = Math.Min(share, Math.Min(d.OcppLimitA ?? double.PositiveInfinity, Math.Min(d.HardwareLimitA ?? double.PositiveInfinity, d.ApiLimitA ?? double.PositiveInfinity)));
            var min = ClusterOf(i)?.MinChargingCurrentA ?? settings.MinChargingCurrentA;
            if (share < min - 1e-9)
            {
                return false;
            }

            setpointA[i] = Math.Floor((share * 10) + 1e-9) / 10;
        }

        return true;
    }

    private ClusterSettings? ClusterOf(int i) =>
        settings.ClustersEnabled && _cps[i].Cluster is { } id ? settings.Clusters.FirstOrDefault(c => c.Id == id) : null;

    private static PhaseCurrents Spread(PhaseSet phases, double amps) => new(
        phases.Contains(Phase.L1) ? amps : 0, phases.Contains(Phase.L2) ? amps : 0, phases.Contains(Phase.L3) ? amps : 0);
}
