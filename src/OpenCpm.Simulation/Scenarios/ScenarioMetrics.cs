using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>Accumulates the metrics of scenario-format.md over the steps of a run.</summary>
internal sealed class ScenarioMetrics
{
    private readonly Scenario _scenario;
    private readonly SiteSettings _settings;
    private readonly int[] _clusterOf;
    private readonly double[] _demandWh;
    private readonly double[] _deliveredWh;
    private readonly double[] _zeroRunSeconds;
    private readonly double[] _longestWaitSeconds;
    private readonly PhaseCurrents[] _clusterCommanded;
    private readonly PhaseCurrents[] _clusterPhysical;
    private double _commandedOverloadAs;
    private double _physicalOverloadAs;
    private double _maxPhysicalOverloadA;
    private double _availableWh;
    private double _maxWaitSeconds;

    public ScenarioMetrics(Scenario scenario, SiteSettings settings, int[] clusterOf)
    {
        _scenario = scenario;
        _settings = settings;
        _clusterOf = clusterOf;
        _demandWh = [.. scenario.Vehicles.Select(DemandOf)];
        _deliveredWh = new double[scenario.Vehicles.Count];
        _zeroRunSeconds = new double[scenario.Vehicles.Count];
        _longestWaitSeconds = new double[scenario.Vehicles.Count];
        _clusterCommanded = new PhaseCurrents[settings.Clusters.Count];
        _clusterPhysical = new PhaseCurrents[settings.Clusters.Count];
    }

    public long Commands { get; set; }

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

    public void Step(
        double t,
        int step,
        double stepHours,
        SimulatedChargePoint[] cps,
        PhaseSet[] gridPhases,
        PhaseCurrents knownLimit,
        double contractLimit,
        PhaseCurrents household,
        PhaseCurrents physical)
    {
        var commanded = PhaseCurrents.Zero;
        var ability = PhaseCurrents.Zero;
        Array.Clear(_clusterCommanded);
        Array.Clear(_clusterPhysical);
        for (var i = 0; i < cps.Length; i++)
        {
            var cp = cps[i];
            var offline = cp.OfflineUntil is { } until && until > StartPlus(t);
            var setpoint = offline ? Math.Max(cp.Settings.FailsafeCurrentA, cp.LastKnownSetpointA) : cp.StationSetpointA;
            var load = PhaseCurrents.On(offline ? cp.Settings.WiredGridPhases : gridPhases[i], setpoint);
            commanded += load;
            if (_clusterOf[i] >= 0)
            {
                _clusterCommanded[_clusterOf[i]] += load;
                _clusterPhysical[_clusterOf[i]] += cp.GridA;
            }

            if (cp.Vehicle is { } vehicle)
            {
                if (vehicle.WantsCharge)
                {
                    ability += PhaseCurrents.On(cp.VehicleGridPhases, vehicle.Spec.AbilityA(vehicle.Soc));
                }

                if (vehicle.WantsCharge && vehicle.DrawA <= 0)
                {
                    _zeroRunSeconds[cp.VehicleIndex] += step;
                    _maxWaitSeconds = Math.Max(_maxWaitSeconds, _zeroRunSeconds[cp.VehicleIndex]);
                    _longestWaitSeconds[cp.VehicleIndex] = Math.Max(_longestWaitSeconds[cp.VehicleIndex], _zeroRunSeconds[cp.VehicleIndex]);
                }
                else
                {
                    _zeroRunSeconds[cp.VehicleIndex] = 0;
                }
            }
        }

        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            _commandedOverloadAs += Math.Max(0, commanded[p] - knownLimit[p]) * step;
            // Physical overload is against the fuse; what could be delivered is also bound by a backend (site) limit.
            var excess = household[p] + physical[p] - _settings.MaxCurrentA;
            if (excess > 1e-9)
            {
                _physicalOverloadAs += excess * step;
                _maxPhysicalOverloadA = Math.Max(_maxPhysicalOverloadA, excess);
            }

            _availableWh += Math.Max(0, Math.Min(contractLimit - household[p], ability[p])) * _settings.NominalVoltageV * stepHours;
        }

        for (var c = 0; c < _clusterCommanded.Length; c++)
        {
            var max = _settings.Clusters[c].MaxCurrentA;
            for (var p = Phase.L1; p <= Phase.L3; p++)
            {
                _commandedOverloadAs += Math.Max(0, _clusterCommanded[c][p] - max) * step;
                var excess = _clusterPhysical[c][p] - max;
                if (excess > 1e-9)
                {
                    _physicalOverloadAs += excess * step;
                    _maxPhysicalOverloadA = Math.Max(_maxPhysicalOverloadA, excess);
                }
            }
        }
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
            JainFairness = Round(JainFairness()),
            MaxWaitSeconds = _maxWaitSeconds,
            UnservedVehicles = _demandWh.Select((d, i) => d > 1 && _deliveredWh[i] < 1).Count(x => x),
            SetpointCommands = Commands,
            AllocationsComputed = allocations,
            MeanAllocationMicros = allocations > 0 ? Math.Round(allocationTicks * 1e6 / System.Diagnostics.Stopwatch.Frequency / allocations, 2) : 0,
            RunSeconds = Math.Round(wall.TotalSeconds, 3),
            Vehicles = [.. _scenario.Vehicles.Select((v, i) => new VehicleOutcome(v.Id, Math.Round(_demandWh[i], 1), Math.Round(_deliveredWh[i], 1), _longestWaitSeconds[i]))],
        };
    }

    /// <summary>Jain's index of delivered ÷ asked-for energy, over the vehicles whose stays overlap another's.</summary>
    private double JainFairness()
    {
        var vehicles = _scenario.Vehicles;
        var shares = new List<double>();
        for (var i = 0; i < vehicles.Count; i++)
        {
            if (_demandWh[i] <= 1)
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
                shares.Add(Math.Min(1, _deliveredWh[i] / _demandWh[i]));
            }
        }

        if (shares.Count < 2)
        {
            return 1;
        }

        var sum = shares.Sum();
        var squares = shares.Sum(x => x * x);
        return squares > 0 ? sum * sum / (shares.Count * squares) : 1;
    }

    /// <summary>The energy a vehicle would take with no grid limit: alone, offered its maximum for its whole stay.</summary>
    private double DemandOf(ScenarioVehicle v)
    {
        var station = _settings.ChargePoints.First(cp => cp.Id == v.ChargePoint);
        var arrive = StartPlus(v.Arrive);
        var vehicle = new SimulatedVehicle(ScenarioRunner.VehicleSpecOf(v, station), arrive);
        vehicle.Offer(v.MaxCurrentA, arrive);
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
