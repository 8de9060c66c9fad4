namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>
    /// Sets the capacity of every constraint row for this cycle, after the currents reserved for unreachable
    /// stations. Returns true when all charging must stop (meter lost with no fallback power).
    /// </summary>
    /// <param name="site">The meter and the limits from outside.</param>
    /// <param name="reserved">What unreachable stations may draw, per grid phase.</param>
    /// <param name="measuredLow">The least the reachable stations may be drawing together, per grid phase.</param>
    /// <param name="measuredHigh">The most they may be drawing together.</param>
    private bool SetCapacities(SiteConditions site, PhaseCurrents reserved, PhaseCurrents measuredLow, PhaseCurrents measuredHigh)
    {
        var s = _model.Settings;
        var cap = _fill.Capacity;
        var why = _fill.RowReason;
        var siteLimit = PhaseCurrents.Zero;

        // Household = what the meter sees minus what the stations draw, estimated within the band the stations'
        // currents allow (HouseholdEstimator). An unreachable station draws anything from nothing to its reservation
        // (a vehicle may start at its failsafe current any time): that is its band, and the reservation itself comes
        // off the capacity below — safe whatever it draws, exact while the estimate stays put. Its reservation is no
        // report, so it never makes the reachable stations' reports look implausible against the meter.
        PhaseCurrents? household = null;
        if (site.Meter == MeterState.Ok)
        {
            household = _household.Estimate(site.MeterCurrentA, measuredLow, measuredHigh + reserved);
        }
        else
        {
            _household.Reset();
        }

        _result.ImplausibleStationCurrents = _household.Implausible;
        _result.HouseholdA = household;

        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            var limit = s.MaxCurrentA;
            var reason = new LimitReason(LimitKind.Site, p);
            if (household is { } h)
            {
                var headroom = s.MaxCurrentA - h[p];
                if (headroom < limit)
                {
                    limit = headroom;
                    reason = new LimitReason(LimitKind.Meter, p);
                }
            }

            if (site.OcppSiteLimitA is { } ocpp && ocpp < limit)
            {
                limit = ocpp;
                reason = new LimitReason(LimitKind.OcppSite, p);
            }

            if (site.ApiSiteLimitA is { } api && api < limit)
            {
                limit = api;
                reason = new LimitReason(LimitKind.ApiSite, p);
            }

            siteLimit = siteLimit.With(p, limit);
            cap[ConstraintRows.SiteRow(p)] = limit - reserved[p];
            why[ConstraintRows.SiteRow(p)] = reason;
        }

        _result.Site.LimitA = siteLimit;

        var powerA = double.PositiveInfinity;
        var powerReason = LimitReason.Of(LimitKind.SitePower);
        if (s.MaxPowerW is { } maxPower)
        {
            powerA = maxPower / s.NominalVoltageV;
        }

        var stopAll = false;
        if (site.Meter == MeterState.Lost)
        {
            var fallback = s.MeterFallbackPowerW ?? 0;
            stopAll = fallback <= 0;
            if (fallback / s.NominalVoltageV < powerA)
            {
                powerA = fallback / s.NominalVoltageV;
                powerReason = LimitReason.Of(LimitKind.MeterFallback);
            }
        }

        if (stopAll)
        {
            // Nothing may be charged: the site's limit as shown is 0 A, not the fuse.
            _result.Site.LimitA = PhaseCurrents.Zero;
        }

        cap[ConstraintRows.PowerRow] = powerA - reserved.Sum;
        why[ConstraintRows.PowerRow] = powerReason;

        var unbalanced = s.UnbalancedLoadLimitA ?? double.PositiveInfinity;
        for (var p = 0; p < 3; p++)
        {
            for (var q = 0; q < 3; q++)
            {
                if (p != q)
                {
                    var row = ConstraintRows.ImbalanceRow(p, q);
                    cap[row] = unbalanced - (reserved[(Phase)p] - reserved[(Phase)q]);
                    why[row] = LimitReason.Of(LimitKind.UnbalancedLoad);
                }
            }
        }

        for (var c = 0; c < _model.Clusters.Length; c++)
        {
            var cluster = _model.Clusters[c];
            _result.Clusters[c].LimitA = PhaseCurrents.All(cluster.MaxCurrentA);
            for (var p = Phase.L1; p <= Phase.L3; p++)
            {
                var row = ConstraintRows.ClusterRow(c, p);
                cap[row] = (cluster.Phases.Contains(p) ? cluster.MaxCurrentA : 0) - _clusterReserved[c][p];
                why[row] = new LimitReason(LimitKind.Cluster, null, cluster.Id);
            }
        }

        return stopAll;
    }
}
