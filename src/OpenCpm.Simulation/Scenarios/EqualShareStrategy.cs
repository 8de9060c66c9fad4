using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// The manual's plain rule (9.1.1), the baseline: on each phase the limit is divided by the number of active charges
/// wired to that phase (the same for clusters); a station gets the smallest of its phases' shares and its own limit;
/// vehicles that would get less than the minimum wait, first come first served. It does not know which phases a
/// vehicle uses and does not give unused current to others. With an unbalanced-load limit it caps the stations wired
/// to the most loaded phase alone (single-phase stations) until the limit holds, so the comparison is fair.
/// </summary>
public sealed class EqualShareStrategy(SiteSettings settings) : IAllocationStrategy
{
    private readonly ChargePointSettings[] _cps = [.. settings.ChargePoints];
    private readonly ClusterSettings[] _clusters = [.. settings.Clusters];
    private readonly int[] _clusterOf = [.. settings.ChargePoints.Select(cp => ClusterIndex(settings, cp))];
    private readonly long[] _arrival = new long[settings.ChargePoints.Count];
    private readonly List<int> _active = [];
    private readonly int[] _count = new int[3];
    private readonly int[] _clusterCount = new int[3 * settings.Clusters.Count];
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
                reserved += PhaseCurrents.On(gridPhases[i], setpointA[i]);
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
        for (var p = Phase.L1; p <= Phase.L3; p++)
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
                if (RespectUnbalancedLimit(reserved, setpointA))
                {
                    return;
                }

                continue;
            }

            setpointA[_active[^1]] = 0;
            _active.RemoveAt(_active.Count - 1); // the last to arrive waits
        }
    }

    private bool TryShare(ReadOnlySpan<ChargePointDemand> demands, PhaseCurrents limit, double powerA, double[] setpointA)
    {
        Array.Clear(_count);
        Array.Clear(_clusterCount);
        var slots = 0;
        foreach (var i in _active)
        {
            var wired = _cps[i].WiredGridPhases;
            for (var p = 0; p < 3; p++)
            {
                if (!wired.Contains((Phase)p))
                {
                    continue;
                }

                _count[p]++;
                slots++;
                if (_clusterOf[i] >= 0)
                {
                    _clusterCount[(3 * _clusterOf[i]) + p]++;
                }
            }
        }

        foreach (var i in _active)
        {
            var share = _cps[i].MaxCurrentA;
            share = Math.Min(share, powerA / slots);
            var c = _clusterOf[i];
            var wired = _cps[i].WiredGridPhases;
            for (var p = 0; p < 3; p++)
            {
                if (!wired.Contains((Phase)p))
                {
                    continue;
                }

                share = Math.Min(share, limit[(Phase)p] / _count[p]);
                if (c >= 0)
                {
                    share = Math.Min(share, _clusters[c].MaxCurrentA / _clusterCount[(3 * c) + p]);
                }
            }

            var d = demands[i];
            share = Math.Min(share, Math.Min(d.OcppLimitA ?? double.PositiveInfinity, Math.Min(d.HardwareLimitA ?? double.PositiveInfinity, d.ApiLimitA ?? double.PositiveInfinity)));
            if (share < MinimumA(i) - 1e-9)
            {
                return false;
            }

            setpointA[i] = Math.Floor((share * 10) + 1e-9) / 10;
        }

        return true;
    }

    /// <summary>
    /// Caps the single-phase stations on the most loaded phase until it is at most the limit above the least loaded
    /// one. Returns false (after taking the last to arrive out) when that would push one below the minimum current.
    /// </summary>
    private bool RespectUnbalancedLimit(PhaseCurrents reserved, double[] setpointA)
    {
        foreach (var i in _active)
        {
            if (_cps[i].Connection == PhaseConnection.SinglePhase && _cps[i].UnbalancedLoadLimitA is { } own)
            {
                setpointA[i] = Math.Min(setpointA[i], own);
            }
        }

        if (settings.UnbalancedLoadLimitA is not { } u)
        {
            return true;
        }

        for (var round = 0; round < 3; round++)
        {
            var load = reserved;
            foreach (var i in _active)
            {
                load += PhaseCurrents.On(_cps[i].WiredGridPhases, setpointA[i]);
            }

            var high = load.L1 >= load.L2 && load.L1 >= load.L3 ? Phase.L1 : load.L2 >= load.L3 ? Phase.L2 : Phase.L3;
            var excess = load[high] - load.Min - u;
            if (excess <= 1e-9)
            {
                return true;
            }

            var alone = _active.Where(i => _cps[i].Connection == PhaseConnection.SinglePhase && _cps[i].SinglePhase == high).ToList();
            if (alone.Count == 0)
            {
                return true; // nothing this rule can cap: three-phase stations load every phase alike
            }

            foreach (var i in alone)
            {
                var capped = Math.Floor(((setpointA[i] - (excess / alone.Count)) * 10) - 1e-9) / 10;
                if (capped < MinimumA(i) - 1e-9)
                {
                    var last = alone[^1];
                    setpointA[last] = 0;
                    _active.Remove(last);
                    return false;
                }

                setpointA[i] = capped;
            }
        }

        return true;
    }

    private double MinimumA(int i) =>
        (_clusterOf[i] >= 0 ? _clusters[_clusterOf[i]].MinChargingCurrentA : null) ?? settings.MinChargingCurrentA;

    /// <summary>The index of the charge point's cluster (the first with its id, while clusters are enabled), or -1.</summary>
    private static int ClusterIndex(SiteSettings settings, ChargePointSettings cp)
    {
        if (!settings.ClustersEnabled || cp.Cluster is not { } id)
        {
            return -1;
        }

        for (var c = 0; c < settings.Clusters.Count; c++)
        {
            if (settings.Clusters[c].Id == id)
            {
                return c;
            }
        }

        return -1;
    }
}
