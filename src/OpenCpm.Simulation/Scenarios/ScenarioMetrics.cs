using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>Accumulates the metrics of scenario-format.md over the steps of a run.</summary>
internal sealed class ScenarioMetrics
{
    private readonly Scenario _scenario;
    private readonly SiteSettings _settings;
    private readonly int[] _clusterOf;
    private readonly int[] _cpOfVehicle;
    private readonly double[] _minimumA;
    private readonly double[] _demandWh;
    private readonly double[] _deliveredWh;
    private readonly double[] _zeroRunSeconds;
    private readonly double[] _longestWaitSeconds;
    private readonly PhaseCurrents[] _clusterReachable;
    private readonly PhaseCurrents[] _clusterReserved;
    private readonly PhaseCurrents[] _clusterPhysical;
    private readonly double[] _referenceCapacity;
    private readonly FluidReference _reference;
    private readonly List<(PhaseSet Phases, double AbilityA, double MinimumA)> _potential = [];
    private readonly List<(double AbilityA, double MinimumA)> _small = [];
    private SimulatedChargePoint[] _cps = [];
    private double _commandedOverloadAs;
    private double _unreachableReservedOverloadAs;
    private double _physicalOverloadAs;
    private double _maxPhysicalOverloadA;
    private double _commandedUnbalanceAs;
    private double _physicalUnbalanceAs;
    private double _availableWh;
    private double _maxWaitSeconds;
    private double _vehicleSeconds;

    public ScenarioMetrics(Scenario scenario, SiteSettings settings, IReadOnlyDictionary<string, int> cpIndex, int[] clusterOf)
    {
        _scenario = scenario;
        _settings = settings;
        _clusterOf = clusterOf;
        _cpOfVehicle = [.. scenario.Vehicles.Select(v => cpIndex[v.ChargePoint])];
        _minimumA = [.. clusterOf.Select(c => c >= 0 ? settings.Clusters[c].MinChargingCurrentA ?? settings.MinChargingCurrentA : settings.MinChargingCurrentA)];
        _demandWh = [.. scenario.Vehicles.Select(DemandOf)];
        _deliveredWh = new double[scenario.Vehicles.Count];
        _zeroRunSeconds = new double[scenario.Vehicles.Count];
        _longestWaitSeconds = new double[scenario.Vehicles.Count];
        _clusterReachable = new PhaseCurrents[settings.Clusters.Count];
        _clusterReserved = new PhaseCurrents[settings.Clusters.Count];
        _clusterPhysical = new PhaseCurrents[settings.Clusters.Count];
        _referenceCapacity = new double[10 + (3 * settings.Clusters.Count)];
        _reference = new FluidReference(scenario, settings, cpIndex, clusterOf);
    }

    public long Commands { get; set; }

    public int SafetyCorrections { get; set; }

    /// <summary>The real household load at a time (piecewise constant).</summary>
    public PhaseCurrents HouseholdAt(double t)
    {
        var load = PhaseCurrents.Zero;
        var points = _scenario.HouseholdLoad;
        for (var k = 0; k < points.Count; k++)
        {
            var point = points[k];
            if (point.T > t)
            {
                break;
            }

            load = new PhaseCurrents(point.L1, point.L2, point.L3);
        }

        return load;
    }

    public void Departed(int vehicle, SimulatedVehicle state) => _deliveredWh[vehicle] = state.EnergyWh;

    /// <summary>
    /// Accounts one step: <paramref name="gridPhases"/> are the grid phases the controller counted each setpoint on;
    /// <paramref name="physical"/> is what all vehicles draw per grid phase.
    /// </summary>
    public void Step(ScenarioStep s, SimulatedChargePoint[] cps, PhaseSet[] gridPhases, PhaseCurrents physical)
    {
        _cps = cps;
        var reachable = PhaseCurrents.Zero;
        var reserved = PhaseCurrents.Zero;
        _potential.Clear();
        Array.Clear(_clusterReachable);
        Array.Clear(_clusterReserved);
        Array.Clear(_clusterPhysical);
        var u = _settings.UnbalancedLoadLimitA ?? double.PositiveInfinity;
        for (var i = 0; i < cps.Length; i++)
        {
            var cp = cps[i];
            var offline = cp.IsOffline(StartPlus(s.T));
            if (offline)
            {
                var load = PhaseCurrents.On(cp.Settings.WiredGridPhases, Math.Max(cp.Settings.FailsafeCurrentA, cp.LastKnownSetpointA));
                reserved += load;
                AddToCluster(_clusterReserved, i, load);
            }
            else
            {
                var load = PhaseCurrents.On(gridPhases[i], cp.StationSetpointA);
                reachable += load;
                AddToCluster(_clusterReachable, i, load);
                if (cp.Settings.UnbalancedLoadLimitA is { } cpLimit)
                {
                    _commandedUnbalanceAs += Math.Max(0, load.Max - load.Min - cpLimit) * s.Seconds;
                }
            }

            AddToCluster(_clusterPhysical, i, cp.GridA);
            if (cp.Settings.UnbalancedLoadLimitA is { } limit)
            {
                _physicalUnbalanceAs += Math.Max(0, cp.GridA.Max - cp.GridA.Min - limit) * s.Seconds;
            }

            if (cp.Vehicle is { } vehicle)
            {
                _vehicleSeconds += s.Seconds;
                var potential = PotentialA(i, cp, vehicle);
                if (potential > 0)
                {
                    _potential.Add((cp.VehicleGridPhases, potential, Math.Max(vehicle.Spec.MinCurrentA, _minimumA[i])));
                }

                TrackWait(cp, vehicle, s.Seconds);
            }
        }

        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            Overload(reachable[p], reserved[p], s.KnownLimit[p], s.Seconds);

            // Physical overload is against the fuse; what could be delivered is also bound by a backend (site) limit.
            PhysicalOverload(s.Household[p] + physical[p] - _settings.MaxCurrentA, s.Seconds);
        }

        for (var c = 0; c < _clusterReachable.Length; c++)
        {
            var cluster = _settings.Clusters[c];
            foreach (var p in PhaseSet.All)
            {
                var max = cluster.Phases.Contains(p) ? cluster.MaxCurrentA : 0;
                Overload(_clusterReachable[c][p], _clusterReserved[c][p], max, s.Seconds);
                PhysicalOverload(_clusterPhysical[c][p] - max, s.Seconds);
            }
        }

        var total = reachable + reserved;
        _commandedUnbalanceAs += Math.Max(0, Math.Max(0, total.Max - total.Min - u) - Math.Max(0, reserved.Max - reserved.Min - u)) * s.Seconds;
        _physicalUnbalanceAs += Math.Max(0, physical.Max - physical.Min - u) * s.Seconds;
        _availableWh += AvailableA(s) * _settings.NominalVoltageV * s.Seconds / 3600.0;
        StepReference(s);
    }

    public ScenarioReport Report(string strategy, long allocations, long allocationTicks, TimeSpan wall)
    {
        var demand = _demandWh.Sum();
        var delivered = _deliveredWh.Sum();
        var bound = Math.Min(demand, _availableWh);
        return new ScenarioReport
        {
            Scenario = _scenario.Name,
            Strategy = strategy,
            CommandedOverloadAs = Round(_commandedOverloadAs),
            PhysicalOverloadAs = Round(_physicalOverloadAs),
            MaxPhysicalOverloadA = Round(_maxPhysicalOverloadA),
            DemandEnergyWh = Math.Round(demand, 1),
            DeliveredEnergyWh = Math.Round(delivered, 1),
            AvailableEnergyWh = Math.Round(_availableWh, 1),
            Utilization = bound > 0 ? Round(delivered / bound) : 1,
            JainFairness = Round(JainIndex.Of(OverlappingShares(i => _reference.DeliveredWh[i]))),
            MaxWaitSeconds = _maxWaitSeconds,
            UnservedVehicles = _demandWh.Select((d, i) => d > 1 && _deliveredWh[i] < 1).Count(x => x),
            SetpointCommands = Commands,
            SetpointChangesPerVehicleHour = _vehicleSeconds > 0 ? Math.Round(Commands / (_vehicleSeconds / 3600), 2) : 0,
            UnreachableReservedOverloadAs = Round(_unreachableReservedOverloadAs),
            CommandedUnbalanceAs = Round(_commandedUnbalanceAs),
            PhysicalUnbalanceAs = Round(_physicalUnbalanceAs),
            SafetyCorrections = SafetyCorrections,
            JainDemandFairness = Round(JainIndex.Of(OverlappingShares(i => _demandWh[i], capAtOne: true))),
            AllocationsComputed = allocations,
            MeanAllocationMicros = allocations > 0 ? Math.Round(allocationTicks * 1e6 / System.Diagnostics.Stopwatch.Frequency / allocations, 2) : 0,
            RunSeconds = Math.Round(wall.TotalSeconds, 3),
            Vehicles = [.. _scenario.Vehicles.Select((v, i) => new VehicleOutcome(v.Id, Math.Round(_demandWh[i], 1), Math.Round(_deliveredWh[i], 1), _longestWaitSeconds[i], Math.Round(_reference.DeliveredWh[i], 1)))],
        };
    }

    /// <summary>
    /// The part of a node's overload caused by the setpoints the controller can command, on top of the currents it
    /// must reserve for unreachable stations; what the reservations alone exceed is reported separately.
    /// </summary>
    private void Overload(double reachableA, double reservedA, double limitA, int seconds)
    {
        var reservedExcess = Math.Max(0, reservedA - limitA);
        _unreachableReservedOverloadAs += reservedExcess * seconds;
        _commandedOverloadAs += Math.Max(0, reachableA + reservedA - limitA - reservedExcess) * seconds;
    }

    private void PhysicalOverload(double excessA, int seconds)
    {
        if (excessA > 1e-9)
        {
            _physicalOverloadAs += excessA * seconds;
            _maxPhysicalOverloadA = Math.Max(_maxPhysicalOverloadA, excessA);
        }
    }

    private void AddToCluster(PhaseCurrents[] sums, int cp, PhaseCurrents load)
    {
        if (_clusterOf[cp] >= 0)
        {
            sums[_clusterOf[cp]] += load;
        }
    }

    private void TrackWait(SimulatedChargePoint cp, SimulatedVehicle vehicle, int seconds)
    {
        if (vehicle.WantsCharge && vehicle.DrawA <= 0)
        {
            _zeroRunSeconds[cp.VehicleIndex] += seconds;
            _maxWaitSeconds = Math.Max(_maxWaitSeconds, _zeroRunSeconds[cp.VehicleIndex]);
            _longestWaitSeconds[cp.VehicleIndex] = Math.Max(_longestWaitSeconds[cp.VehicleIndex], _zeroRunSeconds[cp.VehicleIndex]);
        }
        else
        {
            _zeroRunSeconds[cp.VehicleIndex] = 0;
        }
    }

    /// <summary>
    /// What a vehicle could draw per phase now with no grid limit: its own ability, capped by its station's maximum, a
    /// station limit from the backend and a per-station unbalanced-load limit; 0 when those leave less than the
    /// minimum current (the vehicle's own or the site's).
    /// </summary>
    private double PotentialA(int i, SimulatedChargePoint cp, SimulatedVehicle vehicle)
    {
        var stationA = StationLimitA(cp);
        var min = Math.Max(vehicle.Spec.MinCurrentA, _minimumA[i]);
        return stationA < min - 1e-9 ? 0 : Math.Min(vehicle.Spec.AbilityA(vehicle.Soc), stationA);
    }

    private static double StationLimitA(SimulatedChargePoint cp)
    {
        var limit = cp.Settings.MaxCurrentA;
        if (!double.IsNaN(cp.OcppLimitA))
        {
            limit = Math.Min(limit, cp.OcppLimitA);
        }

        if (cp.Settings.UnbalancedLoadLimitA is { } u && cp.VehicleGridPhases.Count < 3)
        {
            limit = Math.Min(limit, u);
        }

        return limit;
    }

    /// <summary>
    /// The most current (summed over the phases) any controller could deliver in this step: per phase, what the present
    /// vehicles could draw within the real room, where a vehicle that can take less than its minimum current still
    /// needs that minimum of the room (a setpoint is 0 or at least the minimum; the sum of setpoints must fit); then the
    /// unbalanced-load limit (no phase more than the limit above the least loaded one) and the power limit (or the
    /// meter-loss fallback power).
    /// </summary>
    private double AvailableA(ScenarioStep s)
    {
        var room = PhaseCurrents.Zero;
        foreach (var p in PhaseSet.All)
        {
            room = room.With(p, DeliverableOnPhaseA(p, RoomA(s, p)));
        }

        if (_settings.UnbalancedLoadLimitA is { } u)
        {
            var lowest = room.Min;
            room = new PhaseCurrents(Math.Min(room.L1, lowest + u), Math.Min(room.L2, lowest + u), Math.Min(room.L3, lowest + u));
        }

        return Math.Min(room.Sum, PowerLimitA(s));
    }

    /// <summary>
    /// An upper bound of what the vehicles on a phase can draw within <paramref name="roomA"/>: those able to take at
    /// least their minimum cost what they draw; the others cost their minimum for less, so they come last, the best
    /// ratio first, the last one in part (the fractional knapsack bound).
    /// </summary>
    private double DeliverableOnPhaseA(Phase p, double roomA)
    {
        var drawn = 0.0;
        _small.Clear();
        foreach (var (phases, ability, minimum) in _potential)
        {
            if (!phases.Contains(p))
            {
                continue;
            }

            if (ability >= minimum)
            {
                drawn += ability;
            }
            else
            {
                _small.Add((ability, minimum));
            }
        }

        if (drawn >= roomA)
        {
            return roomA;
        }

        var left = roomA - drawn;
        _small.Sort((a, b) => (b.AbilityA / b.MinimumA).CompareTo(a.AbilityA / a.MinimumA));
        foreach (var (ability, minimum) in _small)
        {
            var taken = Math.Min(1, left / minimum);
            drawn += taken * ability;
            left -= taken * minimum;
            if (left <= 0)
            {
                break;
            }
        }

        return drawn;
    }

    /// <summary>The real room for charging on a phase: the fuse less the real household load, and a backend limit for charging.</summary>
    private double RoomA(ScenarioStep s, Phase p) => Math.Max(0, Math.Min(_settings.MaxCurrentA - s.Household[p], s.ChargingLimitA));

    private double PowerLimitA(ScenarioStep s)
    {
        var watts = _settings.MaxPowerW ?? double.PositiveInfinity;
        if (s.MeterLost)
        {
            watts = Math.Min(watts, _settings.MeterFallbackPowerW ?? 0);
        }

        return watts / _settings.NominalVoltageV;
    }

    private void StepReference(ScenarioStep s)
    {
        var cap = _referenceCapacity;
        foreach (var p in PhaseSet.All)
        {
            cap[(int)p] = RoomA(s, p);
            foreach (var q in PhaseSet.All)
            {
                if (p != q)
                {
                    cap[FluidMaxMinFill.PairRow(p, q)] = _settings.UnbalancedLoadLimitA ?? double.PositiveInfinity;
                }
            }

            for (var c = 0; c < _settings.Clusters.Count; c++)
            {
                cap[FluidMaxMinFill.ClusterRow(c, p)] = _settings.Clusters[c].Phases.Contains(p) ? _settings.Clusters[c].MaxCurrentA : 0;
            }
        }

        cap[3] = PowerLimitA(s);
        _reference.Step(s.T, s.Seconds, cap, v => _cps[_cpOfVehicle[v]].OcppLimitA);
    }

    /// <summary>For each vehicle that asked for energy and whose stay overlaps another's: delivered ÷ the reference.</summary>
    private List<double> OverlappingShares(Func<int, double> reference, bool capAtOne = false)
    {
        var vehicles = _scenario.Vehicles;
        var shares = new List<double>();
        for (var i = 0; i < vehicles.Count; i++)
        {
            if (_demandWh[i] <= 1 || reference(i) <= 1)
            {
                continue;
            }

            var overlaps = false;
            for (var j = 0; j < vehicles.Count && !overlaps; j++)
            {
                overlaps = j != i && _demandWh[j] > 1 && vehicles[j].Arrive < vehicles[i].Depart && vehicles[i].Arrive < vehicles[j].Depart;
            }

            if (overlaps)
            {
                var share = _deliveredWh[i] / reference(i);
                shares.Add(capAtOne ? Math.Min(1, share) : share);
            }
        }

        return shares;
    }

    /// <summary>
    /// The energy a vehicle would take with no grid limit: alone, offered the most its station allows (the station's
    /// maximum is the charge point's, not the grid's) for its whole stay.
    /// </summary>
    private double DemandOf(ScenarioVehicle v)
    {
        var station = _settings.ChargePoints.First(cp => cp.Id == v.ChargePoint);
        var arrive = StartPlus(v.Arrive);
        var vehicle = new SimulatedVehicle(ScenarioRunner.VehicleSpecOf(v, station), arrive);
        vehicle.Offer(Math.Min(v.MaxCurrentA, station.MaxCurrentA), arrive);
        var end = Math.Min(v.Depart, _scenario.DurationSeconds);
        for (var t = v.Arrive; t < end && vehicle.WantsCharge;)
        {
            t = Math.Min(end, t + _scenario.StepSeconds);
            vehicle.Advance(StartPlus(t), _settings.NominalVoltageV);
        }

        return vehicle.EnergyWh;
    }

    private static DateTimeOffset StartPlus(double t) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(t);

    private static double Round(double x) => Math.Round(x, 4);
}
