using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Computes a setpoint for every charge point of the site (load-management.md): lowest limit wins per charge
/// point; the site, cluster, power and unbalanced-load limits hold per phase (the last against what vehicles really draw
/// and may turn out to use); vehicles that can't get the minimum current wait in a queue that rotates every rotation
/// period; current that vehicles leave unused goes to others; nobody is switched off and on more than once per dwell
/// time. See docs/load-management-metrics.md.
/// Pure: no I/O, time only from the injected <see cref="TimeProvider"/>; one instance per site, called by one loop.
/// </summary>
public sealed partial class Allocator
{
    private const byte None = 0;
    private const byte Reserved = 1;
    private const byte Candidate = 2;
    private const byte LowPriority = 3;
    private const double Eps = 1e-9;

    private readonly TimeProvider _time;
    private readonly AllocatorOptions _options;
    private SiteModel _model = null!;
    private ProgressiveFill _fill = null!;
    private UnusedCurrentTracker _unused = null!;
    private RotationQueue _rotation = null!;
    private MinimumCurrentLearner _minimum = null!;
    private SwitchDwell _dwell = null!;
    private Allocation _result = null!;
    private byte[] _category = null!;
    private double[] _floor = null!;
    private double[] _upper = null!;
    private LimitReason[] _upperReason = null!;
    private double[] _value = null!;
    private LimitReason[] _reason = null!;
    private double[] _order = null!;
    private int[] _candidates = null!;
    private int[] _admitted = null!;
    private bool[] _isAdmitted = null!;
    private double[] _load = null!;
    private double[] _scratchLoad = null!;
    private double[] _zeroLoad = null!;
    private PhaseCurrents[] _clusterReserved = null!;
    private DateTimeOffset?[] _pausedSince = null!;
    private PhaseSet[] _likelyGrid = null!;
    private bool[] _confirmed = null!;
    private PhaseCurrents[] _drawnGrid = null!;
    private PhaseCurrents[] _mayDrawGrid = null!;
    private double[] _counted = null!;
    private readonly HouseholdEstimator _household = new();
    private double[] _previousA = null!;
    private bool[] _settled = null!;

    /// <summary>Held at its minimum last time because its phases were only a guess (see <see cref="LimitKind.LikelyPhases"/>).</summary>
    private bool[] _heldOnGuess = null!;

    public Allocator(SiteSettings settings, TimeProvider timeProvider, AllocatorOptions? options = null)
    {
        _time = timeProvider;
        _options = options ?? new AllocatorOptions();
        UpdateSettings(settings);
    }

    public SiteSettings Settings => _model.Settings;

    public AllocatorOptions Options => _options;

    /// <summary>Applies new settings, keeping each charge point's queue place and history (matched by id).</summary>
    public void UpdateSettings(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = SiteSettingsValidator.Validate(settings);
        if (!problems.IsValid)
        {
            throw new ArgumentException(string.Join(" ", problems.Errors), nameof(settings));
        }

        var old = _model;
        var oldUnused = _unused;
        var oldRotation = _rotation;
        var oldPaused = _pausedSince;
        var oldMinimum = _minimum;
        var oldDwell = _dwell;
        _model = new SiteModel(settings);
        var n = _model.ChargePoints.Length;
        _fill = new ProgressiveFill(n, _model.RowCount);
        _unused = new UnusedCurrentTracker(n, _options);
        _rotation = new RotationQueue(n);
        _minimum = new MinimumCurrentLearner(n, _options);
        _dwell = new SwitchDwell(n, _options.MinimumDwellTime);
        _result = new Allocation(_model);
        _category = new byte[n];
        _floor = new double[n];
        _upper = new double[n];
        _upperReason = new LimitReason[n];
        _value = new double[n];
        _reason = new LimitReason[n];
        _order = new double[n];
        _candidates = new int[n];
        _admitted = new int[n];
        _isAdmitted = new bool[n];
        _load = new double[_model.RowCount];
        _scratchLoad = new double[_model.RowCount];
        _zeroLoad = new double[_model.RowCount];
        _clusterReserved = new PhaseCurrents[_model.Clusters.Length];
        _pausedSince = new DateTimeOffset?[n];
        _likelyGrid = new PhaseSet[n];
        _confirmed = new bool[n];
        _drawnGrid = new PhaseCurrents[n];
        _mayDrawGrid = new PhaseCurrents[n];
        _counted = new double[n];
        _previousA = new double[n];
        _settled = new bool[n];
        _heldOnGuess = new bool[n];
        _refill = new int[n];
        _refillFloor = new double[n];
        _savedCapacity = new double[_model.RowCount];
        _byStart = new int[n];
        _startKeys = new double[n];
        _yielded = new int[n];
        _members = new int[_model.RowCount];
        var oldIds = old?.ChargePoints.Select((c, j) => (c.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        AllocateReservationState(n, oldIds is null ? null : i => oldIds.GetValueOrDefault(_model.ChargePoints[i].Id, -1));

        if (old is not null)
        {
            var oldIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < old.ChargePoints.Length; i++)
            {
                oldIndex[old.ChargePoints[i].Id] = i;
            }

            for (var i = 0; i < n; i++)
            {
                if (oldIndex.TryGetValue(_model.ChargePoints[i].Id, out var j))
                {
                    _unused.CopyFrom(oldUnused, j, i);
                    _pausedSince[i] = oldPaused[j];
                    _rotation.CopyFrom(oldRotation, j, i);
                    _minimum.CopyFrom(oldMinimum, j, i);
                    _dwell.CopyFrom(oldDwell, j, i);
                }
            }
        }
    }

    /// <summary>
    /// One allocation cycle. <paramref name="demands"/> has one entry per configured charge point, in the order of
    /// <see cref="SiteSettings.ChargePoints"/>. The returned object is reused by the next call.
    /// </summary>
    public Allocation Allocate(ReadOnlySpan<ChargePointDemand> demands, SiteConditions site)
    {
        var n = _model.ChargePoints.Length;
        if (demands.Length != n)
        {
            throw new ArgumentException($"Expected one demand per charge point ({n}) but got {demands.Length}.", nameof(demands));
        }

        demands = Checked(demands);
        site = Checked(site);
        var now = _time.GetUtcNow();
        var result = _result;
        result.At = now;
        result.SafetyCorrections = 0;
        result.QueueList.Clear();
        result.Plan.Clear();

        var (reservedSite, measuredLow, measuredHigh) = Classify(demands, now);
        var stopAll = SetCapacities(site, reservedSite, measuredLow, measuredHigh);
        var candidateCount = CollectCandidates(stopAll);

        if (stopAll)
        {
            // Everyone stops; the charges go to the queue like any paused one (so a flapping meter can't switch them
            // on and off faster than the dwell time allows).
            for (var k = 0; k < candidateCount; k++)
            {
                var i = _candidates[k];
                _value[i] = 0;
                _reason[i] = LimitReason.Of(LimitKind.MeterLost);
                _rotation.MarkWaiting(i);
            }
        }
        else
        {
            var admittedCount = Admit(candidateCount, now);
            Fill(admittedCount);
            FinishValues(admittedCount, now);
        }

        EnforceSafety();
        Publish(demands, candidateCount, reservedSite, now);
        HoldIncreasesUntilFreed(demands);
        return result;
    }

    private (PhaseCurrents Reserved, PhaseCurrents MeasuredLow, PhaseCurrents MeasuredHigh) Classify(ReadOnlySpan<ChargePointDemand> demands, DateTimeOffset now)
    {
        var reserved = PhaseCurrents.Zero;
        var measured = PhaseCurrents.Zero;
        var mayDraw = PhaseCurrents.Zero;
        Array.Clear(_clusterReserved);
        for (var i = 0; i < demands.Length; i++)
        {
            var d = demands[i];
            var cp = _model.ChargePoints[i];
            var wired = _model.WiredGridPhases[i];
            var known = d.VehiclePhases.IsEmpty ? PhaseSet.None : cp.GridPhasesFor(d.VehiclePhases);
            _confirmed[i] = !known.IsEmpty || cp.Connection == PhaseConnection.SinglePhase;
            _likelyGrid[i] = known.IsEmpty && !d.LikelyVehiclePhases.IsEmpty ? cp.GridPhasesFor(d.LikelyVehiclePhases) : PhaseSet.None;
            _result.GridPhases[i] = known.IsEmpty ? wired : known;
            // What the station surely draws (the band's bottom: the credit of the unbalanced-load rows) and may draw (its top).
            var band = d.MeasuredBandA ?? CurrentBand.Exactly(d.MeasuredCurrentA);
            _drawnGrid[i] = cp.ToGrid(band.LowA);
            _mayDrawGrid[i] = cp.ToGrid(band.HighA);
            _previousA[i] = d.CommandedSetpointA;
            _value[i] = 0;
            _category[i] = None;
            _floor[i] = Math.Max(_model.MinA[i], d.MinimumCurrentA ?? 0);
            _isAdmitted[i] = false;

            switch (d.State)
            {
                case ChargePointState.Offline:
                    var reserve = Math.Max(cp.FailsafeCurrentA, d.CommandedSetpointA);
                    _category[i] = Reserved;
                    _value[i] = reserve;
                    _reason[i] = LimitReason.Of(LimitKind.Offline);
                    _result.GridPhases[i] = wired;
                    var load = PhaseCurrents.On(wired, reserve);
                    reserved += load;
                    if (_model.ClusterOf[i] >= 0)
                    {
                        _clusterReserved[_model.ClusterOf[i]] += load;
                    }

                    break;
                case ChargePointState.Idle:
                    _reason[i] = LimitReason.Of(LimitKind.Idle);
                    break;
                case ChargePointState.Error:
                    _reason[i] = LimitReason.Of(LimitKind.Error);
                    break;
                default:
                    if (!d.Authorized)
                    {
                        _reason[i] = LimitReason.Of(LimitKind.Authorization);
                    }
                    else
                    {
                        _category[i] = Candidate;
                    }

                    break;
            }

            if (d.State is ChargePointState.Idle or ChargePointState.Charging or ChargePointState.Offline or ChargePointState.Error)
            {
                _pausedSince[i] = null;
            }

            if (d.State is ChargePointState.Idle or ChargePointState.Offline)
            {
                _minimum.Forget(i);
                _dwell.Forget(i);
            }

            if (d.State != ChargePointState.Offline)
            {
                measured += _drawnGrid[i];
                mayDraw += _mayDrawGrid[i];
            }

            var drawn = DrawnOnVehiclePhases(d);
            var charging = d.State == ChargePointState.Charging && _category[i] == Candidate;
            var settled = _unused.IsSettled(i, d.CommandedSetpointA, now);
            // A vehicle held at its minimum only because its phases were a guess may rise as soon as it shows them.
            _settled[i] = settled || (_heldOnGuess[i] && _confirmed[i]);
            if (_confirmed[i] || d.State is ChargePointState.Idle or ChargePointState.Offline)
            {
                _heldOnGuess[i] = false;
            }

            if (charging && drawn > 0 && settled)
            {
                _minimum.Accepted(i, d.CommandedSetpointA);
            }
            else if (d.State == ChargePointState.SuspendedByEv && _category[i] == Candidate && _unused.CapA(i) is var hold
                && !double.IsNaN(hold) && d.CommandedSetpointA <= hold + Eps && d.CommandedSetpointA >= _floor[i] - Eps)
            {
                _minimum.StoppedAtHold(i, d.CommandedSetpointA, _floor[i], _model.ChargePoints[i].MaxCurrentA);
            }

            if (!double.IsNaN(_minimum.LearnedA(i)))
            {
                _floor[i] = Math.Max(_floor[i], _minimum.LearnedA(i));
            }

            if (_category[i] == Candidate)
            {
                var upper = UpperFromLimits(i, d, cp);
                _unused.Observe(i, charging, d.CommandedSetpointA, drawn, _floor[i], upper, now);
                SetUpperBound(i, upper);
                if (_category[i] == Candidate && IsPausedByVehicle(i, d, settled, now))
                {
                    _category[i] = LowPriority;
                }
            }
            else
            {
                _unused.Observe(i, false, d.CommandedSetpointA, drawn, _floor[i], 0, now);
                _rotation.Forget(i);
            }

            NoteReservation(i, d);
        }

        return (reserved, measured, mayDraw);
    }

    /// <summary>
    /// The highest current the vehicle may be drawing on its phases (all station conductors while they are unknown): the
    /// top of its band, so a change on its way is never taken for a vehicle that takes less than it is offered.
    /// </summary>
    private static double DrawnOnVehiclePhases(in ChargePointDemand d)
    {
        var vehiclePhases = d.VehiclePhases.IsEmpty ? PhaseSet.AllThree : d.VehiclePhases;
        var top = (d.MeasuredBandA ?? CurrentBand.Exactly(d.MeasuredCurrentA)).HighA;
        var drawn = 0.0;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            if (vehiclePhases.Contains(p))
            {
                drawn = Math.Max(drawn, top[p]);
            }
        }

        return drawn;
    }

    /// <summary>
    /// A vehicle that paused by itself (full, or waiting for its own timer) stays "paused" after the controller takes
    /// its current away, so it doesn't flip between paused and queued. It gets current only from what is left over,
    /// and every rotation period it is offered a normal turn again (at the back of the queue) to see if it woke up.
    /// A vehicle that takes nothing at a current it was never seen to accept may instead need more to start: its
    /// floor rises in steps first (<see cref="MinimumCurrentLearner"/>).
    /// </summary>
    private bool IsPausedByVehicle(int i, in ChargePointDemand d, bool settled, DateTimeOffset now)
    {
        var state = d.State;

        // Only a vehicle that was offered at least the minimum for the whole settle time and still takes nothing has
        // paused by itself; right after a setpoint change the station's pilot delay makes every vehicle look idle.
        if (state == ChargePointState.SuspendedByEv && _pausedSince[i] is null && d.CommandedSetpointA >= _floor[i] - Eps && settled)
        {
            if (_minimum.Refused(i, d.CommandedSetpointA, _floor[i], _upper[i]))
            {
                _pausedSince[i] = now;
                _floor[i] = Math.Max(_model.MinA[i], d.MinimumCurrentA ?? 0);
            }
            else
            {
                _floor[i] = _minimum.LearnedA(i);
            }
        }

        if (_pausedSince[i] is { } since && now - since >= _model.Settings.RotationPeriod && state != ChargePointState.SuspendedByEv)
        {
            _pausedSince[i] = null; // probe
        }

        return _pausedSince[i] is not null;
    }

    /// <summary>The lowest of the charge point's own limits, before the hold on unused current.</summary>
    private double UpperFromLimits(int i, in ChargePointDemand d, ChargePointSettings cp)
    {
        var upper = cp.MaxCurrentA;
        var why = LimitKind.ChargePoint;
        Lower(ref upper, ref why, d.HardwareLimitA, LimitKind.Hardware);
        Lower(ref upper, ref why, d.OcppLimitA, LimitKind.Ocpp);
        Lower(ref upper, ref why, d.ApiLimitA, LimitKind.Api);
        Lower(ref upper, ref why, d.UserLimitA, LimitKind.UserPreference);

        // A vehicle that may load fewer than three phases (known so, or not known yet) is capped by the station's own
        // unbalanced-load limit.
        if (_result.GridPhases[i].Count < 3 || !_confirmed[i])
        {
            Lower(ref upper, ref why, cp.UnbalancedLoadLimitA, LimitKind.UnbalancedLoad);
        }

        _upperReason[i] = LimitReason.Of(why);
        return upper;
    }

    private void SetUpperBound(int i, double upper)
    {
        var cap = _unused.CapA(i);
        if (!double.IsNaN(cap) && cap < upper)
        {
            upper = Math.Max(0, cap);
            _upperReason[i] = LimitReason.Of(LimitKind.Vehicle);
        }

        _upper[i] = upper;
        if (upper < _floor[i] - Eps)
        {
            // A limit below the minimum current means no charging at all (IEC 61851).
            _category[i] = None;
            _reason[i] = _upperReason[i];
            _rotation.Forget(i);
        }
    }

    private static void Lower(ref double upper, ref LimitKind why, double? limit, LimitKind kind)
    {
        if (limit is { } value && value < upper)
        {
            upper = Math.Max(0, value);
            why = kind;
        }
    }
}
