using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// Replays a scenario's vehicles under the ideal fluid max-min fair allocation (<see cref="FluidMaxMinFill"/>) with
/// the same real limits, household load and events, and records what each would have received: the denominator of
/// <c>jainFairness</c>. Each reference vehicle has its own state of charge (and so its own taper). The allocation is
/// recomputed whenever who is present or a limit changes, and every 10 s for tapering vehicles.
/// </summary>
internal sealed class FluidReference
{
    private const int RecomputeSeconds = 10;

    private readonly ScenarioVehicle[] _vehicles;
    private readonly VehicleSpec[] _specs;
    private readonly PhaseSet[] _phases;
    private readonly int[] _cluster;
    private readonly double[] _stationMaxA;
    private readonly double[] _soc;
    private readonly double[] _capA;
    private readonly double[] _currentA;
    private readonly bool[] _participating;
    private readonly List<int> _participants = [];
    private readonly FluidMaxMinFill _fill;
    private readonly double _voltageV;
    private double[] _lastCapacity = [];
    private double _lastComputed = double.NegativeInfinity;

    public FluidReference(Scenario scenario, SiteSettings settings, IReadOnlyDictionary<string, int> cpIndex, int[] clusterOf)
    {
        _vehicles = [.. scenario.Vehicles];
        var n = _vehicles.Length;
        _specs = new VehicleSpec[n];
        _phases = new PhaseSet[n];
        _cluster = new int[n];
        _stationMaxA = new double[n];
        for (var v = 0; v < n; v++)
        {
            var cpi = cpIndex[_vehicles[v].ChargePoint];
            var station = settings.ChargePoints[cpi];
            _specs[v] = ScenarioRunner.VehicleSpecOf(_vehicles[v], station);
            _phases[v] = station.GridPhasesFor(PhaseSet.First(_specs[v].Phases));
            _cluster[v] = clusterOf[cpi];
            var min = clusterOf[cpi] >= 0 ? settings.Clusters[clusterOf[cpi]].MinChargingCurrentA ?? settings.MinChargingCurrentA : settings.MinChargingCurrentA;
            _stationMaxA[v] = station.MaxCurrentA < min ? 0 : station.MaxCurrentA;
            if (_phases[v].Count < 3 && station.UnbalancedLoadLimitA is { } u)
            {
                _stationMaxA[v] = Math.Min(_stationMaxA[v], u);
            }
        }

        _soc = [.. _specs.Select(s => s.InitialSoc)];
        _capA = new double[n];
        _currentA = new double[n];
        _participating = new bool[n];
        DeliveredWh = new double[n];
        _fill = new FluidMaxMinFill(n, settings.Clusters.Count);
        _voltageV = settings.NominalVoltageV;
    }

    /// <summary>What each vehicle received under the reference allocation so far.</summary>
    public double[] DeliveredWh { get; }

    /// <summary>
    /// Advances the reference by one step starting at <paramref name="t"/>. <paramref name="capacity"/> holds the
    /// real row capacities of this step (see <see cref="FluidMaxMinFill.Capacity"/>); <paramref name="stationLimitA"/>
    /// gives each vehicle's station limit from events (NaN = none).
    /// </summary>
    public void Step(double t, int stepSeconds, double[] capacity, Func<int, double> stationLimitA)
    {
        var changed = t - _lastComputed >= RecomputeSeconds || !capacity.AsSpan().SequenceEqual(_lastCapacity);
        for (var v = 0; v < _vehicles.Length; v++)
        {
            var present = _vehicles[v].Arrive <= t && t < _vehicles[v].Depart;
            var ability = present ? _specs[v].AbilityA(_soc[v]) : 0;
            var cap = Math.Min(ability, _stationMaxA[v]);
            var limit = stationLimitA(v);
            if (!double.IsNaN(limit))
            {
                cap = Math.Min(cap, limit);
            }

            var participating = cap > 1e-9;
            changed |= participating != _participating[v];
            _participating[v] = participating;
            _capA[v] = cap;
        }

        if (changed)
        {
            _participants.Clear();
            for (var v = 0; v < _vehicles.Length; v++)
            {
                if (_participating[v])
                {
                    _participants.Add(v);
                }
                else
                {
                    _currentA[v] = 0;
                }
            }

            capacity.AsSpan().CopyTo(_fill.Capacity);
            _fill.Run(_participants, _phases, _cluster, _capA, _currentA);
            _lastCapacity = [.. capacity];
            _lastComputed = t;
        }

        foreach (var v in _participants)
        {
            var drawA = Math.Min(_currentA[v], _capA[v]);
            var energyWh = drawA * _phases[v].Count * _voltageV * stepSeconds / 3600.0;
            energyWh = Math.Min(energyWh, Math.Max(0, (_specs[v].TargetSoc - _soc[v]) * _specs[v].BatteryWh));
            DeliveredWh[v] += energyWh;
            _soc[v] += energyWh / _specs[v].BatteryWh;
        }
    }
}
