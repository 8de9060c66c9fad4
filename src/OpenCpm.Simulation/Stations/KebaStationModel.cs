using System.Net;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// The behaviour of one KEBA P30, without sockets: commands in, replies and push messages out, time passed in by
/// the caller. Implements the current-control model of the spec (Curr HW / Curr user / Curr timer, the 6–7 s
/// pilot delay, stop without delay), enable and failsafe watchdog, energy limit, RFID whitelist authorization,
/// x2 phase switching with its 300 s lock-out, the session logger with the station's clock, the push messages of
/// six fields, and the field behaviour of its <see cref="KebaFirmwareProfile"/> and <see cref="KebaStationFaults"/>.
/// Not thread-safe: <see cref="SimulatedKebaStation"/> serializes access. (Over 400 lines: the state of one station is
/// one object; the session log, clock, meter readings and push tracking live in their own types.)
/// </summary>
public sealed class KebaStationModel
{
    public const string NoTag = "0000000000000000";
    public const string NoClass = "00000000000000000000";
    public const int DefaultUserCurrentMilliA = 63_000;

    private static readonly TimeSpan PhaseSwitchLockout = TimeSpan.FromSeconds(300);

    /// <summary>Error1/Error2 of the transient State 4 some x-series show right after a plug-in (evcc #8762).</summary>
    public const int TransientError1 = 6;
    public const int TransientError2 = 32769;

    private DateTimeOffset _bootAt;
    private readonly HashSet<string> _whitelist;
    private readonly KebaSessionLog _sessions = new();
    private readonly KebaStationClock _clock;
    private readonly KebaPushTracker _pushes = new();
    private DateTimeOffset _now;
    private int _userCurrentMilliA = DefaultUserCurrentMilliA;
    private bool _userCurrentFromTimer;
    private int _timerCurrentMilliA;
    private DateTimeOffset? _timerDue;
    private int _failsafeCurrentMilliA;
    private int _failsafeTimeoutS;
    private bool _failsafePersisted;
    private DateTimeOffset _lastFeed;
    private long _energyLimitTenthsWh;
    private bool _energyLimitReached;
    private int _output;
    private int _phaseSwitchSource;
    private int _phaseSwitch = 1;
    private DateTimeOffset? _lastPhaseSwitch;
    private string? _authorizedTag;
    private string _authorizedClass = NoClass;
    private bool _plugLocked;
    private int _appliedMilliA;
    private DateTimeOffset? _pilotDue;
    private double _sessionEnergyTenthsWh;
    private double _totalEnergyTenthsWh;
    private double _vehicleEnergyWh;
    private DateTimeOffset? _transientErrorUntil;
    private int _input;
    private bool _takenOver;

    public KebaStationModel(KebaStationProfile profile, DateTimeOffset bootAt, long totalEnergyTenthsWh = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _bootAt = bootAt;
        _now = bootAt;
        _lastFeed = bootAt;
        _totalEnergyTenthsWh = totalEnergyTenthsWh;
        _whitelist = new HashSet<string>(profile.Whitelist.Select(NormalizeTag), StringComparer.Ordinal);
        _clock = new KebaStationClock(profile.ClockSetAtBoot);
        _pushes.Start(Observe());
    }

    public KebaStationProfile Profile { get; }

    public KebaStationFaults Faults { get; } = new();

    public SimulatedVehicle? Vehicle { get; private set; }

    /// <summary>The address of the last station command's sender: where push messages go.</summary>
    public IPAddress? LastCommander { get; private set; }

    /// <summary>The current the pilot offers now (Max curr).</summary>
    public int OfferedMilliA => _appliedMilliA;

    public bool FailsafeTripped { get; private set; }

    /// <summary>When curr, currtime, ena or failsafe last fed the watchdog.</summary>
    public DateTimeOffset LastWatchdogFeed => _lastFeed;

    /// <summary>How many commands have fed the watchdog since boot.</summary>
    public long WatchdogFeeds { get; private set; }

    public bool EnabledByUser { get; private set; } = true;

    public string DisplayText { get; private set; } = "";

    public int Error1 { get; private set; }

    /// <summary>Whether the transient State 4 after a plug-in is showing (see <see cref="KebaStationFaults.TransientErrorAtPlugIn"/>).</summary>
    public bool TransientErrorShowing => _transientErrorUntil is not null;

    /// <summary>The enable input X1: 1 closed, 0 open.</summary>
    public int Input => _input;

    /// <summary>The <c>timeQ</c> of the station's clock now: 0 never set, 2 set by <c>setdatetime</c>, 3 kept by NTP/OCPP.</summary>
    public int TimeQuality => _clock.TimeQuality;

    public bool AuthorizationOn => Profile.AuthorizationEnabled ?? _whitelist.Count > 0;

    public bool Authorized => _authorizedTag is not null;

    /// <summary>What the X2 contactor connects now: 0 one phase, 1 three (always 1 while <c>x2src</c> is 0, no phase switching).</summary>
    public int PhaseSwitch => _phaseSwitchSource != 0 && _phaseSwitch == 0 ? 0 : 1;

    /// <summary>Stored sessions, newest first (the running one, if any, first).</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>
    /// Whether the UDP interface answers only <c>i</c> and <c>report 1</c>: DIP switch 1.3 off, or Modbus TCP on with a
    /// firmware that then keeps UDP to identification (3.10.80).
    /// </summary>
    public bool AnswersOnlyIdentification => Faults.InterfaceDisabled || (Faults.ModbusEnabled && Profile.Firmware.ModbusSilencesUdp);

    /// <summary>Handles one command received at <paramref name="now"/> from <paramref name="sender"/>; returns the reply, or null for none.</summary>
    public KebaMessage? Handle(string datagram, IPAddress sender, DateTimeOffset now)
    {
        Advance(now);
        LastRejected = null;
        KebaCommand command;
        try
        {
            command = KebaCommand.Parse(datagram);
        }
        catch (KebaProtocolException ex)
        {
            LastRejected = ex.Message;
            return Faults.AcknowledgeInvalidCommands ? new KebaAcknowledge() : null;
        }

        if (AnswersOnlyIdentification && command.Keyword != "i" && command.ReportId != 1)
        {
            LastRejected = "the UDP interface answers only i and report 1 (DIP switch 1.3 off, or Modbus on with firmware " + Profile.Firmware.Version + ")";
            return null;
        }

        LastCommander = sender;
        var reply = Execute(command);
        if (command.ReportId == 2 && _transientErrorUntil is not null)
        {
            // The transient error was seen by this poll; by the next one it is gone.
            _transientErrorUntil = null;
        }

        Settle();
        return reply;
    }

    /// <summary>The reason the last invalid command was ignored (for logs and tests).</summary>
    public string? LastRejected { get; private set; }

    /// <summary>Moves the station's clock: timers, pilot delay, failsafe watchdog, the vehicle and the meter.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (now < _now)
        {
            return;
        }

        while (NextEvent(now) is { } at)
        {
            AdvanceVehicle(at);
            _now = at;
            if (_timerDue is { } due && due <= at)
            {
                _timerDue = null;
                _userCurrentMilliA = _timerCurrentMilliA;
                _userCurrentFromTimer = true;
                _timerCurrentMilliA = 0;
                _takenOver = true;
            }

            if (FailsafeDeadline is { } deadline && deadline <= at)
            {
                FailsafeTripped = true;
            }

            if (_transientErrorUntil is { } transient && transient <= at)
            {
                _transientErrorUntil = null;
            }

            if (_pilotDue is { } pilot && pilot <= at)
            {
                _pilotDue = null;
                ApplyPilot(DesiredMilliA());
            }

            UpdatePilot();
        }

        AdvanceVehicle(now);
        _now = now;
        Settle();
    }

    /// <summary>A vehicle is plugged in: a new session starts (E pres resets now, not at the previous unplug).</summary>
    public void PlugIn(VehicleSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Advance(now);
        if (Vehicle is not null)
        {
            Unplug(now);
        }

        Vehicle = new SimulatedVehicle(spec, now);
        _vehicleEnergyWh = 0;
        _plugLocked = true;
        if (Faults.TransientErrorAtPlugIn)
        {
            _transientErrorUntil = now + Faults.TransientErrorHold;
        }

        StartSession();
        Settle();
    }

    /// <summary>The vehicle leaves: the session ends (reason 1); currtime and setenergy effects are reset, ena and curr are not.</summary>
    public void Unplug(DateTimeOffset now)
    {
        Advance(now);
        if (Vehicle is null)
        {
            return;
        }

        EndSession(reason: 1);
        Vehicle = null;
        _plugLocked = false;
        _transientErrorUntil = null;
        if (_userCurrentFromTimer)
        {
            _userCurrentMilliA = DefaultUserCurrentMilliA;
            _userCurrentFromTimer = false;
        }

        _timerCurrentMilliA = 0;
        _timerDue = null;
        _energyLimitTenthsWh = 0;
        _energyLimitReached = false;
        _authorizedTag = null;
        _authorizedClass = NoClass;
        Settle();
    }

    /// <summary>An RFID card is held to the reader: authorizes a whitelisted tag, or ends the session of the tag that started it.</summary>
    public void PresentCard(string tag, DateTimeOffset now)
    {
        Advance(now);
        var normalized = NormalizeTag(tag);
        if (_authorizedTag == normalized)
        {
            Deauthorize();
        }
        else
        {
            Authorize(normalized, NoClass);
        }

        Settle();
    }

    /// <summary>
    /// Power cycle: everything set over UDP is lost (curr, currtime, ena, setenergy, a non-persisted failsafe,
    /// the clock) and the session log reads zeros; the meter total, x2src and a persisted failsafe survive.
    /// A plugged vehicle stays plugged and starts a new session.
    /// </summary>
    public void Reboot(DateTimeOffset now)
    {
        Advance(now);
        _bootAt = now;
        _takenOver = false;
        _userCurrentMilliA = DefaultUserCurrentMilliA;
        _userCurrentFromTimer = false;
        _timerCurrentMilliA = 0;
        _timerDue = null;
        if (!_failsafePersisted)
        {
            _failsafeTimeoutS = 0;
            _failsafeCurrentMilliA = 0;
        }

        FailsafeTripped = false;
        _lastFeed = now;
        _energyLimitTenthsWh = 0;
        _energyLimitReached = false;
        EnabledByUser = true;
        _authorizedTag = null;
        _authorizedClass = NoClass;
        _clock.Reboot();
        _transientErrorUntil = null;
        _lastPhaseSwitch = null;
        _pilotDue = null;
        ApplyPilot(0);
        _sessions.Clear();
        if (Vehicle is not null)
        {
            StartSession();
        }

        Settle();
    }

    /// <summary>Puts the station in State 4 with this error code (0 clears the error).</summary>
    public void SetError(int error1, DateTimeOffset now)
    {
        Advance(now);
        Error1 = error1;
        Settle();
    }

    /// <summary>The enable input X1 is closed (<paramref name="closed"/>) or opened; the station pushes <c>Input</c>.</summary>
    public void SetInput(bool closed, DateTimeOffset now)
    {
        Advance(now);
        _input = closed ? 1 : 0;
        Settle();
    }

    /// <summary>Takes the push messages produced since the last call.</summary>
    public IReadOnlyList<KebaPushMessage> TakePushMessages() => _pushes.Take();

    public KebaReport1 Report1()
    {
        var firmware = Profile.Firmware;
        // DIP-Sw1 bit 5 is DSW1.3, the interface switch.
        var dip1 = Faults.InterfaceDisabled ? (byte)(Profile.DipSwitch1 & ~0x20) : Profile.DipSwitch1;
        return new KebaReport1
        {
            Product = Profile.Product,
            Serial = Profile.Serial,
            Firmware = firmware.Text,
            ComModule = Profile.ComModule,
            Backend = firmware.ReportsBackendAndTimeQuality ? 0 : null,
            TimeQuality = firmware.ReportsBackendAndTimeQuality ? _clock.TimeQuality : null,
            SetBoot = firmware.ReportsSetBoot ? 0 : null,
            DipSwitch1 = firmware.ReportsDipSwitches ? dip1 : null,
            DipSwitch2 = firmware.ReportsDipSwitches ? Profile.DipSwitch2 : null,
            UptimeS = UptimeS,
        };
    }

    public KebaReport2 Report2()
    {
        var hardware = Profile.Firmware.HardwareCurrentZeroWhileUnplugged && Vehicle is null ? 0 : Profile.HardwareCurrentMilliA;
        var transient = _transientErrorUntil is not null && Error1 == 0;
        return new KebaReport2
        {
            State = State,
            Error1 = transient ? TransientError1 : Error1,
            Error2 = transient ? TransientError2 : 0,
            Plug = Plug,
            AuthOn = AuthorizationOn ? 1 : 0,
            AuthRequired = AuthorizationOn && !Authorized ? 1 : 0,
            EnableSys = EnableSys ? 1 : 0,
            EnableUser = EnabledByUser ? 1 : 0,
            MaxCurrentMilliA = _appliedMilliA,
            MaxCurrentPerMille = _appliedMilliA == 0 ? 1000 : _appliedMilliA / 60,
            HardwareCurrentMilliA = hardware,
            UserCurrentMilliA = _userCurrentMilliA,
            FailsafeCurrentMilliA = _failsafeCurrentMilliA,
            FailsafeTimeoutS = _failsafeTimeoutS,
            TimerCurrentMilliA = _timerCurrentMilliA,
            TimerRemainingS = _timerDue is { } due ? (int)Math.Ceiling((due - _now).TotalSeconds) : 0,
            EnergyLimitTenthsWh = _energyLimitTenthsWh,
            Output = _output,
            Input = _input,
            PhaseSwitchSource = Profile.SupportsPhaseSwitch ? _phaseSwitchSource : null,
            // With x2src 0 (no phase switching) a real c-series reads X2 phaseSwitch 0.
            PhaseSwitch = Profile.SupportsPhaseSwitch ? (_phaseSwitchSource == 0 ? 0 : _phaseSwitch) : null,
            Serial = Profile.Serial,
            UptimeS = UptimeS,
        };
    }

    public KebaReport3 Report3() =>
        KebaMeterReadings.Report(Profile, CurrentsMilliA(), Vehicle is not null, _now, (long)_sessionEnergyTenthsWh, (long)_totalEnergyTenthsWh, UptimeS);

    public KebaSessionReport SessionReport(int reportId) => _sessions.Report(reportId, (long)_sessionEnergyTenthsWh, Profile.Serial, UptimeS);

    public static string NormalizeTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var t = tag.Trim().ToLowerInvariant();
        return t.Length >= 16 ? t[..16] : t.PadRight(16, '0');
    }

    private long UptimeS => (long)(_now - _bootAt).TotalSeconds;

    private bool HasError => Error1 != 0 || _transientErrorUntil is not null;

    private bool EnableSys =>
        EnabledByUser && _userCurrentMilliA > 0 && !_energyLimitReached && !FailsafeTripped && (!AuthorizationOn || Authorized);

    private DateTimeOffset? FailsafeDeadline =>
        _failsafeTimeoutS > 0 && !FailsafeTripped ? _lastFeed + TimeSpan.FromSeconds(_failsafeTimeoutS) : null;

    private int Plug => Vehicle is null ? (Profile.FixedCable ? 3 : 0) : (_plugLocked ? 7 : 5);

    private int State
    {
        get
        {
            if (HasError)
            {
                return 4;
            }

            if (Vehicle is null)
            {
                return 1;
            }

            if (_appliedMilliA > 0)
            {
                return Vehicle.DrawA > 0 ? 3 : 2;
            }

            if (AuthorizationOn && !Authorized)
            {
                return 1;
            }

            return EnableSys ? 2 : 5;
        }
    }

    private KebaMessage? Execute(KebaCommand command)
    {
        switch (command.Keyword)
        {
            case "i":
                return new KebaFirmwareInfo(Profile.Firmware.Text);
            case "report":
                return command.ReportId switch
                {
                    1 => Report1(),
                    2 => Report2(),
                    3 => Report3(),
                    var id => SessionReport(id!.Value),
                };
            case "currtime":
                CurrTime((int)command.Number(0), (int)command.Number(1));
                break;
            case "curr":
                Feed();
                _userCurrentMilliA = (int)command.Number(0);
                _userCurrentFromTimer = false;
                _takenOver = true;
                break;
            case "ena":
                Feed();
                EnabledByUser = command.Number(0) == 1;
                break;
            case "failsafe":
                _failsafeTimeoutS = (int)command.Number(0);
                _failsafeCurrentMilliA = (int)command.Number(1);
                _failsafePersisted = command.Number(2) == 1;
                _lastFeed = _now;
                FailsafeTripped = false;
                break;
            case "setenergy":
                _energyLimitTenthsWh = command.Number(0);
                _energyLimitReached = false;
                break;
            case "output":
                if (command.ExpectedReply == KebaReplyKind.None)
                {
                    return null;
                }

                _output = (int)command.Number(0);
                break;
            case "display":
                if (Profile.HasDisplay)
                {
                    DisplayText = command.Arguments[4].Replace('$', ' ').Replace('~', 'Σ');
                }

                break;
            case "unlock":
                if (Vehicle is not null && _appliedMilliA == 0)
                {
                    _plugLocked = false;
                }

                break;
            case "start":
                Authorize(NormalizeTag(command.Arguments[0]), command.Arguments.Count > 1 ? command.Arguments[1] : NoClass);
                break;
            case "stop":
                if (_authorizedTag == NormalizeTag(command.Arguments[0]))
                {
                    Deauthorize();
                }

                break;
            case "setdatetime":
                _clock.Set(DateTimeOffset.FromUnixTimeSeconds(command.Number(0)), _now);
                break;
            case "x2src":
                _phaseSwitchSource = (int)command.Number(0);
                break;
            case "x2":
                if (!Profile.SupportsPhaseSwitch || _phaseSwitchSource != 4 || (_lastPhaseSwitch is { } last && _now - last <= PhaseSwitchLockout))
                {
                    return new KebaRejection("TCH-ERR:X2 : not allowed now");
                }

                _phaseSwitch = (int)command.Number(0);
                _lastPhaseSwitch = _now;
                break;
        }

        return new KebaAcknowledge();
    }

    private void CurrTime(int milliA, int delayS)
    {
        Feed();
        if (milliA == 0 && delayS == 0)
        {
            _timerDue = null;
            _timerCurrentMilliA = 0;
            return;
        }

        if (milliA > 0)
        {
            EnabledByUser = true;
        }

        if (delayS == 0)
        {
            _userCurrentMilliA = milliA;
            _userCurrentFromTimer = true;
            _timerDue = null;
            _timerCurrentMilliA = 0;
            _takenOver = true;
            return;
        }

        _timerCurrentMilliA = milliA;
        _timerDue = _now + TimeSpan.FromSeconds(delayS);
    }

    private void Feed()
    {
        WatchdogFeeds++;
        _lastFeed = _now;
        FailsafeTripped = false;
    }

    private void Authorize(string tag, string tagClass)
    {
        if (!_whitelist.Contains(tag) && AuthorizationOn)
        {
            return;
        }

        _authorizedTag = tag;
        _authorizedClass = tagClass;
        if (_sessions.Running is { } running)
        {
            if (running.RfidTag == NoTag)
            {
                running.RfidTag = tag;
                running.RfidClass = tagClass;
            }
        }
        else if (Vehicle is not null)
        {
            StartSession();
        }
    }

    private void Deauthorize()
    {
        _authorizedTag = null;
        _authorizedClass = NoClass;
        EndSession(reason: 10);
    }

    private void StartSession()
    {
        _sessionEnergyTenthsWh = 0;
        _sessions.Start(
            Profile.HardwareCurrentMilliA,
            (long)_totalEnergyTenthsWh,
            _clock.Stamp(_now, _now - _bootAt),
            _clock.TimeQuality,
            _authorizedTag ?? NoTag,
            _authorizedTag is null ? NoClass : _authorizedClass);
    }

    private void EndSession(int reason) => _sessions.End((long)_sessionEnergyTenthsWh, _clock.Stamp(_now, _now - _bootAt), reason);

    private int DesiredMilliA()
    {
        if (Vehicle is null || HasError)
        {
            return 0;
        }

        var hardware = Profile.HardwareCurrentMilliA;
        if (Profile.NetworkClient && !_takenOver)
        {
            return Math.Min(hardware, Profile.InstalledFailsafeMilliA);
        }

        if (FailsafeTripped)
        {
            return Math.Min(hardware, _failsafeCurrentMilliA);
        }

        return EnableSys ? Math.Min(hardware, _userCurrentMilliA) : 0;
    }

    /// <summary>Stops and starts act at once; a change between two currents waits for the pilot delay (one running timer).</summary>
    private void UpdatePilot()
    {
        var desired = DesiredMilliA();
        if (desired == _appliedMilliA)
        {
            return;
        }

        if (desired == 0 || _appliedMilliA == 0)
        {
            _pilotDue = null;
            ApplyPilot(desired);
        }
        else
        {
            _pilotDue ??= _now + Profile.PilotDelay;
        }
    }

    private void ApplyPilot(int milliA)
    {
        if (_appliedMilliA == milliA)
        {
            return;
        }

        _appliedMilliA = milliA;
        if (milliA > 0)
        {
            _plugLocked = true;
        }

        Vehicle?.Offer(milliA / 1000.0, _now);
    }

    private DateTimeOffset? NextEvent(DateTimeOffset until)
    {
        DateTimeOffset? next = null;
        foreach (var candidate in new[] { _timerDue, FailsafeDeadline, _pilotDue, _transientErrorUntil })
        {
            if (candidate is { } c && c <= until && (next is null || c < next))
            {
                next = c;
            }
        }

        return next;
    }

    private void AdvanceVehicle(DateTimeOffset to)
    {
        if (Vehicle is null || to <= _now)
        {
            return;
        }

        Vehicle.Advance(to, Profile.VoltageV);
        var delta = Vehicle.EnergyWh - _vehicleEnergyWh;
        _vehicleEnergyWh = Vehicle.EnergyWh;
        if (delta <= 0)
        {
            return;
        }

        _sessionEnergyTenthsWh += delta * 10;
        _totalEnergyTenthsWh += delta * 10;
        if (_energyLimitTenthsWh > 0 && _sessionEnergyTenthsWh >= _energyLimitTenthsWh)
        {
            _energyLimitReached = true;
        }
    }

    private (int I1, int I2, int I3) CurrentsMilliA()
    {
        if (Vehicle is null)
        {
            return (0, 0, 0);
        }

        var milliA = (int)Math.Round(Vehicle.DrawA * 1000);
        var phases = Profile.SupportsPhaseSwitch && PhaseSwitch == 0 ? 1 : Vehicle.Spec.Phases;
        return (milliA, phases >= 2 ? milliA : 0, phases >= 3 ? milliA : 0);
    }

    /// <summary>Re-derives the pilot and queues push messages for every watched field that changed.</summary>
    private void Settle()
    {
        UpdatePilot();
        _pushes.Observe(Observe(), Profile.HasMeter);
    }

    private KebaObservedFields Observe() => new(State, Plug, EnableSys ? 1 : 0, _appliedMilliA, _input, (long)_sessionEnergyTenthsWh);
}
