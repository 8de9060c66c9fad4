using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;
using OpenCpm.Live;
using OpenCpm.Stations;

namespace OpenCpm.Tests.Control.Fakes;

/// <summary>
/// An in-memory station with a vehicle, on the test's clock: it holds the setpoint it was told (0 until the controller
/// first commands it, as a P30 in a charging network does), acknowledges after <see cref="AcknowledgeDelay"/>, and its
/// vehicle follows a new setpoint after <see cref="Reaction"/>. Every command and every change of the drawn current
/// goes to the <see cref="StationJournal"/>.
/// </summary>
internal sealed class FakeStation : IStationDriver
{
    private readonly TimeProvider _time;
    private readonly StationJournal _journal;
    private readonly PhaseSet _wired;
    private readonly Lock _lock = new();
    private readonly List<ITimer> _timers = [];
    private double _setpointA;
    private double _drawnA;
    private int _vehiclePhases;
    private double _vehicleMaxA;
    private bool _charged;

    public FakeStation(string chargePointId, TimeProvider time, StationJournal journal, PhaseSet wired)
    {
        ChargePointId = chargePointId;
        _time = time;
        _journal = journal;
        _wired = wired;
        Status = new LiveValue<StationStatus>(new StationStatus { ChargePointId = chargePointId });
    }

    public string ChargePointId { get; }

    public LiveValue<StationStatus> Status { get; }

    public StationCapabilities? Capabilities => null;

    public TimeSpan AcknowledgeDelay { get; set; }

    public TimeSpan Reaction { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Commands are carried out but never answered (a lost acknowledgement).</summary>
    public bool Mute { get; set; }

    public double SetpointA
    {
        get
        {
            lock (_lock)
            {
                return _setpointA;
            }
        }
    }

    public void PlugIn(int phases, double maxCurrentA)
    {
        lock (_lock)
        {
            _vehiclePhases = phases;
            _vehicleMaxA = maxCurrentA;
            _charged = false;
        }

        Follow();
        Publish();
    }

    public void Unplug()
    {
        lock (_lock)
        {
            _vehiclePhases = 0;
        }

        Follow();
        Publish();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Publish();
        await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_lock)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
        }
    }

    public async Task<StationCommandResult> SetCurrentAsync(double amps, CancellationToken cancellationToken)
    {
        var setpoint = amps < 6 ? 0 : amps;
        lock (_lock)
        {
            _setpointA = setpoint;
            _journal.Commanded(ChargePointId, setpoint, _wired, _time.GetUtcNow());
            _timers.Add(_time.CreateTimer(_ => Follow(), null, Reaction, Timeout.InfiniteTimeSpan));
        }

        Publish();
        if (Mute)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
        }

        if (AcknowledgeDelay > TimeSpan.Zero)
        {
            await Task.Delay(AcknowledgeDelay, _time, cancellationToken);
        }

        _journal.Acknowledged(ChargePointId, setpoint, _time.GetUtcNow());
        return StationCommandResult.Accepted;
    }

    public SetpointTiming Timing(double fromA, double toA) => new(Reaction, Reaction + TimeSpan.FromSeconds(1));

    public Task<StationCommandResult> SetEnabledAsync(bool enabled, CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Accepted);

    public Task<StationCommandResult> StartAsync(string idTag, CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Accepted);

    public Task<StationCommandResult> StopAsync(string? idTag, CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Accepted);

    public Task<StationCommandResult> UnlockAsync(CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Accepted);

    public Task<StationCommandResult> RestartAsync(CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Unsupported("a fake station"));

    public Task<StationCommandResult> ShowTextAsync(string text, TimeSpan? duration, CancellationToken cancellationToken) => Task.FromResult(StationCommandResult.Unsupported("a fake station"));

    public Task<IReadOnlyList<StationSessionRecord>> ReadSessionHistoryAsync(long afterSessionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StationSessionRecord>>([]);

    /// <summary>The vehicle takes what is offered now (after its reaction delay, or at once when it plugs in or leaves).</summary>
    private void Follow()
    {
        PhaseCurrents grid;
        lock (_lock)
        {
            var drawn = _vehiclePhases == 0 ? 0 : Math.Min(_setpointA, _vehicleMaxA);
            if (drawn == _drawnA)
            {
                return;
            }

            _drawnA = drawn;
            _charged |= drawn > 0;
            grid = PhaseCurrents.On(GridPhasesOfVehicle(), drawn);
        }

        _journal.Drawn(ChargePointId, grid, _time.GetUtcNow());
        Publish();
    }

    private PhaseSet GridPhasesOfVehicle() => _vehiclePhases switch
    {
        0 => PhaseSet.None,
        1 => PhaseSet.Of(Phase.L1),
        2 => PhaseSet.Of(Phase.L1).Union(PhaseSet.Of(Phase.L2)),
        _ => PhaseSet.AllThree,
    };

    private void Publish()
    {
        StationStatus status;
        lock (_lock)
        {
            var plugged = _vehiclePhases > 0;
            var currents = PhaseCurrents.On(GridPhasesOfVehicle(), _drawnA);
            status = new StationStatus
            {
                ChargePointId = ChargePointId,
                Online = true,
                VehiclePlugged = plugged,
                State = !plugged ? ChargePointState.Idle
                    : _drawnA > 0 ? ChargePointState.Charging
                    : _setpointA == 0 ? ChargePointState.SuspendedByController
                    : _charged ? ChargePointState.SuspendedByEv
                    : ChargePointState.Connected,
                CurrentsA = currents,
                CurrentsMeasuredAt = _time.GetUtcNow(),
                ActivePhases = _drawnA > 0 ? GridPhasesOfVehicle() : PhaseSet.None,
                SetpointA = _setpointA,
                OfferedCurrentA = _setpointA,
                HardwareMaxCurrentA = 32,
                LastSeen = _time.GetUtcNow(),
            };
        }

        Status.Publish(status);
    }
}
