using System.Diagnostics;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// Runs a scenario on a virtual clock (no sleeping): vehicles arrive, charge and leave; the household load and the
/// events change the site; every step the controller reads the stations and (every poll) the meter, allocates with
/// the chosen strategy and sends reductions before increases through the same <see cref="ReductionGate"/> the
/// controller uses. Deterministic: the same file gives the same report (but for the measured allocation time).
/// </summary>
public sealed class ScenarioRunner
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Scenario _scenario;
    private readonly SiteSettings _settings;
    private readonly VirtualClock _clock = new(Start);
    private readonly SimulatedChargePoint[] _cps;
    private readonly Dictionary<string, int> _cpIndex;
    private readonly int[] _clusterOf;
    private readonly IAllocationStrategy _strategy;

    public ScenarioRunner(Scenario scenario, string strategy = "opencpm")
    {
        _scenario = scenario;
        _settings = ScenarioParser.ToSiteSettings(scenario);
        _cps = [.. _settings.ChargePoints.Select((cp, i) => new SimulatedChargePoint(cp, scenario.ChargePoints[i]))];
        _cpIndex = _settings.ChargePoints.Select((cp, i) => (cp.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _clusterOf = [.. _settings.ChargePoints.Select(cp => _settings.Clusters.ToList().FindIndex(c => c.Id == cp.Cluster))];
        _strategy = strategy switch
        {
            "opencpm" => new OpenCpmStrategy(_settings, _clock),
            "equal-share" => new EqualShareStrategy(_settings),
            _ => throw new ScenarioException($"--strategy: must be opencpm or equal-share but is \"{strategy}\"."),
        };
    }

    /// <summary>Runs the scenario; <paramref name="timeline"/>, when given, gets samples of the site over time (for plots).</summary>
    public ScenarioReport Run(ScenarioTimeline? timeline = null)
    {
        timeline?.Start(_scenario.DurationSeconds);
        var wall = Stopwatch.StartNew();
        var n = _cps.Length;
        var v = _settings.NominalVoltageV;
        var step = _scenario.StepSeconds;
        var metrics = new ScenarioMetrics(_scenario, _settings, _cpIndex, _clusterOf);
        var gate = new ReductionGate(_clock);
        var memory = new VehicleMemory();
        var demands = new ChargePointDemand[n];
        var setpoints = new double[n];
        var gridPhases = new PhaseSet[n];
        var vehicles = _scenario.Vehicles.Select((x, i) => (x, i)).OrderBy(p => p.x.Arrive).ToArray();
        var events = _scenario.Events.OrderBy(e => e.T).ToArray();
        var nextVehicle = 0;
        var nextEvent = 0;
        double? ocppSiteLimit = null;
        var meterUntil = DateTimeOffset.MinValue;
        var meter = _scenario.Site.Meter;
        var meterState = meter is null ? MeterState.None : MeterState.Lost;
        var knownHousehold = PhaseCurrents.Zero;
        var nextPoll = 0.0;
        long allocationTicks = 0;
        long allocations = 0;

        for (var t = 0; t < _scenario.DurationSeconds; t += step)
        {
            var now = Start.AddSeconds(t);
            _clock.Now = now;

            // Physics of the interval that just ended, then who leaves and who comes.
            foreach (var cp in _cps)
            {
                cp.Vehicle?.Advance(now, v);
            }

            foreach (var cp in _cps)
            {
                if (cp.Vehicle is not null && _scenario.Vehicles[cp.VehicleIndex].Depart <= t)
                {
                    // As the host does when a session ends: remember the vehicle by its card (here: its id) and station.
                    var index = Array.IndexOf(_cps, cp);
                    memory.Remember(_scenario.Vehicles[cp.VehicleIndex].Id, cp.Settings.Id, cp.Detector.Phases, (_strategy as OpenCpmStrategy)?.LearnedMinimumA(index));
                    metrics.Departed(cp.VehicleIndex, cp.Vehicle);
                    cp.Unplug();
                }
            }

            while (nextVehicle < vehicles.Length && vehicles[nextVehicle].x.Arrive <= t)
            {
                var (sv, index) = vehicles[nextVehicle++];
                var cp = _cps[_cpIndex[sv.ChargePoint]];
                cp.Plug(new SimulatedVehicle(VehicleSpecOf(sv, cp.Settings), now), index, now);
                cp.Remembered = memory.Recall(sv.Id, cp.Settings.Id);
            }

            while (nextEvent < events.Length && events[nextEvent].T <= t)
            {
                var e = events[nextEvent++];
                switch (e.Type)
                {
                    case "meterOffline":
                        meterUntil = now.AddSeconds(e.DurationSeconds!.Value);
                        break;
                    case "chargePointOffline":
                        _cps[_cpIndex[e.ChargePoint!]].GoOffline(now, TimeSpan.FromSeconds(e.DurationSeconds!.Value));
                        break;
                    case "siteLimit":
                        ocppSiteLimit = e.MaxCurrentA;
                        break;
                    case "chargePointLimit":
                        _cps[_cpIndex[e.ChargePoint!]].OcppLimitA = e.MaxCurrentA!.Value;
                        break;
                }
            }

            foreach (var cp in _cps)
            {
                cp.RunStationWatchdog(now);
            }

            // What the controller reads: stations every step, the meter every poll.
            var household = metrics.HouseholdAt(t);
            var measuredOnline = PhaseCurrents.Zero;
            var reservedOffline = PhaseCurrents.Zero;
            var physical = PhaseCurrents.Zero;
            for (var i = 0; i < n; i++)
            {
                var cp = _cps[i];
                physical += cp.GridA;
                var state = cp.State(now);
                if (state == Core.ChargePoints.ChargePointState.Offline)
                {
                    reservedOffline += PhaseCurrents.On(cp.Settings.WiredGridPhases, Math.Max(cp.Settings.FailsafeCurrentA, cp.LastKnownSetpointA));
                    demands[i] = demands[i] with { State = state, CommandedSetpointA = cp.LastKnownSetpointA };
                    continue;
                }

                var measured = cp.MeasuredA;
                measuredOnline += cp.GridA;
                var phases = cp.Vehicle is null ? PhaseSet.None : cp.Detector.Observe(measured);
                demands[i] = new ChargePointDemand
                {
                    State = state,
                    Authorized = true,
                    MeasuredCurrentA = measured,
                    VehiclePhases = phases,
                    LikelyVehiclePhases = cp.Vehicle is null ? PhaseSet.None : cp.Remembered.Phases,
                    MinimumCurrentA = cp.Vehicle is null ? null : cp.Remembered.MinimumCurrentA,
                    CommandedSetpointA = cp.StationSetpointA,
                    OcppLimitA = double.IsNaN(cp.OcppLimitA) ? null : cp.OcppLimitA,
                };
                gate.Measured(i, cp.DrawA);
            }

            if (meter is not null && t >= nextPoll)
            {
                nextPoll += meter.PollSeconds;
                if (now >= meterUntil)
                {
                    knownHousehold = household + physical - measuredOnline - reservedOffline;
                    meterState = MeterState.Ok;
                }
                else
                {
                    meterState = MeterState.Lost;
                }
            }

            var site = new SiteConditions
            {
                Meter = meterState,
                MeterCurrentA = knownHousehold + measuredOnline + reservedOffline,
                OcppSiteLimitA = ocppSiteLimit,
            };

            var started = Stopwatch.GetTimestamp();
            _strategy.Allocate(demands, site, setpoints, gridPhases);
            allocationTicks += Stopwatch.GetTimestamp() - started;
            allocations++;

            // Reduce before increase.
            for (var i = 0; i < n; i++)
            {
                var cp = _cps[i];
                if (setpoints[i] < cp.StationSetpointA - 1e-9 && cp.Command(setpoints[i], now))
                {
                    gate.Sent(i, setpoints[i]);
                    gate.Acknowledged(i);
                    gate.Measured(i, cp.DrawA);
                    metrics.Commands++;
                }
                else if (cp.IsOffline(now))
                {
                    gate.Forget(i);
                }
            }

            if (gate.IncreasesAllowed())
            {
                for (var i = 0; i < n; i++)
                {
                    if (setpoints[i] > _cps[i].StationSetpointA + 1e-9 && _cps[i].Command(setpoints[i], now))
                    {
                        metrics.Commands++;
                    }
                }
            }

            var knownLimit = PhaseCurrents.All(Math.Min(_settings.MaxCurrentA, ocppSiteLimit ?? double.PositiveInfinity));
            if (meterState == MeterState.Ok)
            {
                knownLimit = Min(knownLimit, PhaseCurrents.All(_settings.MaxCurrentA) - knownHousehold);
            }

            if (Environment.GetEnvironmentVariable("SIMDBG") is { } every && t % int.Parse(every, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Console.Error.WriteLine($"t={t} draw={physical} hh={household} sp=[{string.Join(" ", setpoints.Select(x => x.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))}] st=[{string.Join(" ", demands.Select(d => d.State.ToString()[..3]))}] drw=[{string.Join(" ", _cps.Select(c => c.DrawA.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))}]");
            }

            var meterLost = meter is not null && meterState == MeterState.Lost;
            metrics.Step(new ScenarioStep(t, step, household, ocppSiteLimit ?? double.PositiveInfinity, knownLimit, meterLost), _cps, gridPhases, physical);
            timeline?.Record(new TimelinePoint(
                t, household + physical, physical, Math.Min(_settings.MaxCurrentA, ocppSiteLimit ?? double.PositiveInfinity), _cps.Count(cp => cp.Vehicle is { WantsCharge: true, DrawA: <= 0 })));
        }

        var end = Start.AddSeconds(_scenario.DurationSeconds);
        foreach (var cp in _cps)
        {
            if (cp.Vehicle is not null)
            {
                cp.Vehicle.Advance(end, v);
                metrics.Departed(cp.VehicleIndex, cp.Vehicle);
            }
        }

        metrics.SafetyCorrections = (_strategy as OpenCpmStrategy)?.SafetyCorrections ?? 0;
        return metrics.Report(_strategy.Name, allocations, allocationTicks, wall.Elapsed);
    }

    internal static VehicleSpec VehicleSpecOf(ScenarioVehicle v, ChargePointSettings station) => new()
    {
        Phases = station.Connection == Core.LoadManagement.PhaseConnection.SinglePhase ? 1 : v.Phases,
        MaxCurrentA = v.MaxCurrentA,
        MinCurrentA = v.MinCurrentA,
        BatteryWh = v.BatteryWh,
        InitialSoc = v.InitialSoc,
        TargetSoc = v.TargetSoc,
        TaperFromSoc = v.TaperFromSoc,
        Reaction = TimeSpan.FromSeconds(v.ReactionSeconds),
    };

    private static PhaseCurrents Min(PhaseCurrents a, PhaseCurrents b) => new(Math.Min(a.L1, b.L1), Math.Min(a.L2, b.L2), Math.Min(a.L3, b.L3));
}
