using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// A charge point inside a scenario run: the station (its setpoint, its failsafe when the controller is gone) and
/// the vehicle plugged into it. Reports what a real station would report: state and measured currents.
/// </summary>
internal sealed class SimulatedChargePoint(ChargePointSettings settings, ScenarioChargePoint scenario)
{
    public ChargePointSettings Settings { get; } = settings;

    public VehiclePhaseDetector Detector { get; } = new();

    /// <summary>What the controller remembered of the vehicle now plugged in (its card's or the station's last session).</summary>
    public VehicleProfile Remembered { get; set; }

    /// <summary>The setpoint the station applies (the offer to the vehicle).</summary>
    public double StationSetpointA { get; private set; }

    /// <summary>The last setpoint the controller knew the station had (kept while it is offline).</summary>
    public double LastKnownSetpointA { get; private set; }

    public SimulatedVehicle? Vehicle { get; private set; }

    public int VehicleIndex { get; private set; } = -1;

    public double OcppLimitA { get; set; } = double.NaN;

    public DateTimeOffset? OfflineUntil { get; private set; }

    private DateTimeOffset _offlineSince;
    private DateTimeOffset _offeredSince;
    private bool _failsafeApplied;

    public bool IsOffline(DateTimeOffset now) => OfflineUntil is { } until && now < until;

    public void GoOffline(DateTimeOffset now, TimeSpan duration)
    {
        OfflineUntil = now + duration;
        _offlineSince = now;
        _failsafeApplied = false;
    }

    public void Plug(SimulatedVehicle vehicle, int index, DateTimeOffset now)
    {
        Vehicle = vehicle;
        VehicleIndex = index;
        Detector.Reset();
        _offeredSince = now;
        vehicle.Offer(StationSetpointA, now);
    }

    public void Unplug()
    {
        Vehicle = null;
        VehicleIndex = -1;
        Detector.Reset();
    }

    /// <summary>The station's own failsafe: when the controller has been gone for the timeout, fall back.</summary>
    public void RunStationWatchdog(DateTimeOffset now)
    {
        if (IsOffline(now) && !_failsafeApplied && now - _offlineSince >= TimeSpan.FromSeconds(scenario.FailsafeTimeoutSeconds))
        {
            _failsafeApplied = true;
            Apply(Settings.FailsafeCurrentA, now);
        }
    }

    /// <summary>The controller sends a setpoint (only reaches the station while it is online).</summary>
    public bool Command(double setpointA, DateTimeOffset now)
    {
        if (IsOffline(now))
        {
            return false;
        }

        Apply(setpointA, now);
        LastKnownSetpointA = setpointA;
        return true;
    }

    /// <summary>Highest current the vehicle draws on one conductor now.</summary>
    public double DrawA => Vehicle?.DrawA ?? 0;

    /// <summary>Station-side currents per conductor.</summary>
    public PhaseCurrents MeasuredA => Settings.Connection == PhaseConnection.SinglePhase
        ? new PhaseCurrents(DrawA, 0, 0)
        : PhaseCurrents.On(PhaseSet.First(Vehicle?.Spec.Phases ?? 0), DrawA);

    /// <summary>Grid-side currents (through the wiring).</summary>
    public PhaseCurrents GridA => Settings.Connection == PhaseConnection.SinglePhase
        ? PhaseCurrents.Zero.With(Settings.SinglePhase, DrawA)
        : Settings.Rotation.ToGrid(MeasuredA);

    /// <summary>The grid phases the vehicle could load (for the availability bound).</summary>
    public PhaseSet VehicleGridPhases => Vehicle is null ? PhaseSet.None : Settings.GridPhasesFor(PhaseSet.First(Vehicle.Spec.Phases));

    /// <summary>What the station would report: its state as a driver maps it.</summary>
    public ChargePointState State(DateTimeOffset now)
    {
        if (IsOffline(now))
        {
            return ChargePointState.Offline;
        }

        if (Vehicle is null)
        {
            return ChargePointState.Idle;
        }

        if (Vehicle.DrawA > 0)
        {
            return ChargePointState.Charging;
        }

        if (StationSetpointA <= 0)
        {
            return ChargePointState.SuspendedByController;
        }

        return now - _offeredSince > Vehicle.Spec.Reaction + TimeSpan.FromSeconds(1)
            ? ChargePointState.SuspendedByEv
            : ChargePointState.Connected;
    }

    private void Apply(double setpointA, DateTimeOffset now)
    {
        if (StationSetpointA <= 0 && setpointA > 0)
        {
            _offeredSince = now;
        }

        StationSetpointA = setpointA;
        Vehicle?.Offer(setpointA, now);
    }
}
