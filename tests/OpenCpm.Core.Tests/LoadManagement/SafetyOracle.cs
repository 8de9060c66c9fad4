using System.Globalization;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>
/// An independent check of the safety rules of load-management.md section 3 on one allocation, written from the
/// contract rather than from the allocator's code. Returns the first violation as a sentence, or null.
/// </summary>
internal static class SafetyOracle
{
    private const double Tolerance = 1e-6;

    public static string? Check(SiteSettings s, IReadOnlyList<ChargePointDemand> demands, SiteConditions site, Allocation a)
    {
        var n = demands.Count;
        var grid = new PhaseSet[n];
        var reserved = new bool[n];
        var clusterIndex = s.ClustersEnabled ? s.Clusters.Select((c, k) => (c.Id, k)).ToDictionary(x => x.Id, x => x.k) : [];
        var measuredGrid = PhaseCurrents.Zero;
        var reservedLoad = PhaseCurrents.Zero;
        var nonReservedLoad = PhaseCurrents.Zero;

        for (var i = 0; i < n; i++)
        {
            var cp = s.ChargePoints[i];
            var d = demands[i];
            var v = a.SetpointA[i];
            reserved[i] = d.State == ChargePointState.Offline;
            grid[i] = reserved[i] || d.VehiclePhases.IsEmpty ? cp.WiredGridPhases : cp.GridPhasesFor(d.VehiclePhases);
            var likely = !reserved[i] && d.VehiclePhases.IsEmpty && !d.LikelyVehiclePhases.IsEmpty ? cp.GridPhasesFor(d.LikelyVehiclePhases) : grid[i];
            if (a.GridPhases[i] != grid[i] && a.GridPhases[i] != likely)
            {
                return F($"{cp.Id}: counted on {a.GridPhases[i]} but its vehicle loads {grid[i]} (likely {likely}).");
            }

            grid[i] = a.GridPhases[i];

            if (reserved[i])
            {
                var expected = Math.Max(cp.FailsafeCurrentA, d.CommandedSetpointA);
                if (Math.Abs(v - expected) > Tolerance)
                {
                    return F($"{cp.Id} is offline: {expected} A must stay reserved but {v} A was.");
                }

                reservedLoad += PhaseCurrents.On(grid[i], v);
                continue;
            }

            measuredGrid += cp.Connection == PhaseConnection.SinglePhase
                ? PhaseCurrents.Zero.With(cp.SinglePhase, d.MeasuredCurrentA.L1)
                : cp.Rotation.ToGrid(d.MeasuredCurrentA);
            nonReservedLoad += PhaseCurrents.On(grid[i], v);

            var min = cp.Cluster is { } c && clusterIndex.TryGetValue(c, out var k) ? s.Clusters[k].MinChargingCurrentA ?? s.MinChargingCurrentA : s.MinChargingCurrentA;
            min = Math.Max(min, d.MinimumCurrentA ?? 0);
            if (v > 0 && v < min - Tolerance)
            {
                return F($"{cp.Id}: setpoint {v} A lies between 0 and the minimum of {min} A.");
            }

            if (v > 0 && (d.State is ChargePointState.Idle or ChargePointState.Error || !d.Authorized))
            {
                return F($"{cp.Id}: {d.State} (authorized {d.Authorized}) but given {v} A.");
            }

            foreach (var (limit, name) in new (double?, string)[]
            {
                (cp.MaxCurrentA, "charge point max"), (d.HardwareLimitA, "hardware"), (d.OcppLimitA, "OCPP"),
                (d.ApiLimitA, "API"), (d.UserLimitA, "user"),
                (grid[i].Count < 3 || (d.VehiclePhases.IsEmpty && cp.Connection == PhaseConnection.ThreePhase) ? cp.UnbalancedLoadLimitA : null, "charge point unbalanced"),
            })
            {
                if (limit is { } l && v > l + Tolerance)
                {
                    return F($"{cp.Id}: setpoint {v} A above its {name} limit of {l} A.");
                }
            }
        }

        // Site rows.
        for (var p = 0; p < 3; p++)
        {
            var phase = (Phase)p;
            var limit = s.MaxCurrentA;
            if (site.Meter == MeterState.Ok)
            {
                var household = site.MeterCurrentA[phase] - measuredGrid[phase] - reservedLoad[phase];
                limit = Math.Min(limit, s.MaxCurrentA - household);
            }

            limit = Math.Min(limit, site.OcppSiteLimitA ?? double.PositiveInfinity);
            limit = Math.Min(limit, site.ApiSiteLimitA ?? double.PositiveInfinity);
            if (Exceeds(reservedLoad[phase], nonReservedLoad[phase], limit))
            {
                return F($"site {phase}: {reservedLoad[phase]} A reserved + {nonReservedLoad[phase]} A set > limit {limit} A.");
            }
        }

        // Clusters.
        for (var k = 0; k < (s.ClustersEnabled ? s.Clusters.Count : 0); k++)
        {
            var r = PhaseCurrents.Zero;
            var set = PhaseCurrents.Zero;
            for (var i = 0; i < n; i++)
            {
                if (s.ChargePoints[i].Cluster == s.Clusters[k].Id)
                {
                    if (reserved[i])
                    {
                        r += PhaseCurrents.On(grid[i], a.SetpointA[i]);
                    }
                    else
                    {
                        set += PhaseCurrents.On(grid[i], a.SetpointA[i]);
                    }
                }
            }

            foreach (var phase in PhaseSet.All)
            {
                if (Exceeds(r[phase], set[phase], s.Clusters[k].MaxCurrentA))
                {
                    return F($"cluster {s.Clusters[k].Id} {phase}: {r[phase]} A reserved + {set[phase]} A set > {s.Clusters[k].MaxCurrentA} A.");
                }
            }
        }

        // Power and meter loss.
        var powerLimitW = s.MaxPowerW ?? double.PositiveInfinity;
        if (site.Meter == MeterState.Lost)
        {
            if ((s.MeterFallbackPowerW ?? 0) <= 0 && nonReservedLoad.Sum > 0)
            {
                return "The meter is lost without fallback power but charging was not stopped.";
            }

            powerLimitW = Math.Min(powerLimitW, s.MeterFallbackPowerW ?? 0);
        }

        if (Exceeds(reservedLoad.Sum * s.NominalVoltageV, nonReservedLoad.Sum * s.NominalVoltageV, powerLimitW))
        {
            return F($"power: {(reservedLoad + nonReservedLoad).Sum * s.NominalVoltageV} W > {powerLimitW} W.");
        }

        // Unbalanced load (checked when the reservations alone respect it).
        if (s.UnbalancedLoadLimitA is { } u && reservedLoad.Max - reservedLoad.Min <= u)
        {
            var total = reservedLoad + nonReservedLoad;
            if (total.Max - total.Min > u + Tolerance)
            {
                return F($"unbalanced load {total} exceeds {u} A.");
            }
        }

        if (WorstCaseImbalance(s, demands, a, reservedLoad) is { } imbalance)
        {
            return imbalance;
        }

        if (a.SafetyCorrections != 0)
        {
            return "The allocator's last-resort safety correction had to intervene.";
        }

        return CheckPlan(demands, a);
    }

    /// <summary>Reductions are all decreases, increases all increases, and together they are exactly the changes.</summary>
    private static string? CheckPlan(IReadOnlyList<ChargePointDemand> demands, Allocation a)
    {
        if (a.Plan.Reductions.Any(c => c.ToA >= c.FromA) || a.Plan.Increases.Any(c => c.ToA <= c.FromA))
        {
            return "The plan mixes increases into the reductions or the other way round.";
        }

        var planned = a.Plan.Reductions.Concat(a.Plan.Increases).ToDictionary(c => c.ChargePoint);
        for (var i = 0; i < demands.Count; i++)
        {
            var changed = demands[i].State != ChargePointState.Offline && Math.Abs(a.SetpointA[i] - demands[i].CommandedSetpointA) > 1e-9;
            if (changed != planned.ContainsKey(i)
                || (changed && (planned[i].FromA != demands[i].CommandedSetpointA || planned[i].ToA != a.SetpointA[i])))
            {
                return F($"The plan for charge point {i} does not match {demands[i].CommandedSetpointA} A → {a.SetpointA[i]} A.");
            }
        }

        return null;
    }

    /// <summary>
    /// The unbalanced-load limit as the contract states it for what the vehicles may really draw: for every ordered pair
    /// of phases (p, q), a vehicle whose phases are known counts its setpoint on p and at most what it draws on q;
    /// a vehicle whose phases are not known yet counts the worst of what it may turn out to use (its station's first
    /// one, two or three conductors) and nothing on q. Checked on the pairs some setpoint raises.
    /// </summary>
    private static string? WorstCaseImbalance(SiteSettings s, IReadOnlyList<ChargePointDemand> demands, Allocation a, PhaseCurrents reservedLoad)
    {
        if (s.UnbalancedLoadLimitA is not { } u)
        {
            return null;
        }

        foreach (var p in PhaseSet.All)
        {
            foreach (var q in PhaseSet.All)
            {
                if (p == q)
                {
                    continue;
                }

                var worst = reservedLoad[p] - reservedLoad[q];
                var raised = false;
                for (var i = 0; i < demands.Count; i++)
                {
                    var d = demands[i];
                    var cp = s.ChargePoints[i];
                    var v = a.SetpointA[i];
                    if (d.State == ChargePointState.Offline || v <= 0)
                    {
                        continue;
                    }

                    var known = cp.Connection == PhaseConnection.SinglePhase || !d.VehiclePhases.IsEmpty;
                    if (known)
                    {
                        var g = cp.Connection == PhaseConnection.SinglePhase ? cp.WiredGridPhases : cp.GridPhasesFor(d.VehiclePhases);
                        var drawnOnQ = cp.Connection == PhaseConnection.SinglePhase ? d.MeasuredCurrentA.L1 : cp.Rotation.ToGrid(d.MeasuredCurrentA)[q];
                        if (g.Contains(p) && !g.Contains(q))
                        {
                            worst += v;
                            raised = true;
                        }
                        else if (g.Contains(q) && !g.Contains(p))
                        {
                            worst -= Math.Min(v, Math.Max(0, drawnOnQ));
                        }
                    }
                    else if (new[] { 1, 2, 3 }.Select(n => cp.GridPhasesFor(PhaseSet.First(n))).Any(g => g.Contains(p) && !g.Contains(q)))
                    {
                        worst += v;
                        raised = true;
                    }
                }

                if (raised && worst > u + Tolerance)
                {
                    return F($"unbalanced load {p}-{q}: up to {worst} A with what vehicles may use and really draw, limit {u} A.");
                }
            }
        }

        return null;
    }

    /// <summary>True when the setpoints overload a limit that the reservations alone leave room for.</summary>
    private static bool Exceeds(double reservedA, double setA, double limit) =>
        reservedA <= limit + Tolerance ? reservedA + setA > limit + Tolerance : setA > Tolerance;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
