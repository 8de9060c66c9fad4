using System.Globalization;
using System.Net;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// The behaviour of one KEBA P30, without sockets: commands in, replies and push messages out, time passed in by
/// the caller. Implements the current-control model of the spec (Curr HW / Curr user / Curr timer, the 6–7 s
/// pilot delay, stop without delay), enable and failsafe watchdog, energy limit, RFID whitelist authorization,
/// x2 phase switching with its 300 s lock-out, the session logger and the push messages of six fields.
/// Not thread-safe: <see cref="SimulatedKebaStation"/> serializes access.
/// </summary>
public sealed class KebaStationModel
{
    public const string NoTag = "0000000000000000";
    public const string NoClass = "00000000000000000000";
    public const int DefaultUserCurrentMilliA = 63_000;

    private static readonly TimeSpan PhaseSwitchLockout = TimeSpan.FromSeconds(300);

    private DateTimeOffset _bootAt;
    private readonly HashSet<string> _whitelist;
    private readonly List<KebaSessionRecord> _sessions = [];
    private readonly List<KebaPushMessage> _pushes = [];
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
    private long _nextSessionId = 1;
    private TimeSpan _clockOffset;
    private Observed _lastPushed;

    public KebaStationModel(KebaStationProfile profile, DateTimeOffset bootAt, long totalEnergyTenthsWh = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _bootAt = bootAt;
        _now = bootAt;
        _lastFeed = bootAt;
        _totalEnergyTenthsWh = totalEnergyTenthsWh;
        _whitelist = new HashSet<string>(profile.Whitelist.Select(NormalizeTag), StringComparer.Ordinal);
        _lastPushed = Observe();
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

    public bool AuthorizationOn => Profile.AuthorizationEnabled ?? _whitelist.Count > 0;

    public bool Authorized => _authorizedTag is not null;

    public int PhaseSwitch => _phaseSwitch;

    /// <summary>Stored sessions, newest first (the running one, if any, first).</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Handles one command received at <paramref name="now"/> from <paramref name="sender"/>; returns the reply, or null for none.</summary>
    public KebaMessage? Handle(string datagram, IPAddress sender, DateTimeOffset now)
    {
        Advance(now);
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

        if (Faults.InterfaceDisabled && command.Keyword != "i" && command.ReportId != 1)
        {
            return null;
        }

        LastCommander = sender;
        var reply = Execute(command);
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
            }

            if (FailsafeDeadline is { } deadline && deadline <= at)
            {
                FailsafeTripped = true;
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
        _clockOffset = TimeSpan.Zero;
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

    /// <summary>Takes the push messages produced since the last call.</summary>
    public IReadOnlyList<KebaPushMessage> TakePushMessages()
    {
        if (_pushes.Count == 0)
        {
            return [];
        }

        var taken = _pushes.ToArray();
        _pushes.Clear();
        return taken;
    }

    public KebaReport1 Report1() => new()
    {
        Product = Profile.Product,
        Serial = Profile.Serial,
        Firmware = Profile.Firmware,
        ComModule = Profile.ComModule,
        Backend = Profile.ReportsNewerIdentityFields ? 0 : null,
        TimeQuality = Profile.ReportsNewerIdentityFields ? (_clockOffset == TimeSpan.Zero ? 3 : 2) : null,
        SetBoot = Profile.ReportsNewerIdentityFields ? 0 : null,
        DipSwitch1 = Profile.DipSwitch1,
        DipSwitch2 = Profile.DipSwitch2,
        UptimeS = UptimeS,
    };

    public KebaReport2 Report2()
    {
        var hardware = Faults.HardwareCurrentZeroWhileUnplugged && Vehicle is null ? 0 : Profile.HardwareCurrentMilliA;
        return new KebaReport2
        {
            State = State,
            Error1 = Error1,
            Error2 = 0,
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
            Input = 0,
            PhaseSwitchSource = Profile.SupportsPhaseSwitch ? _phaseSwitchSource : null,
            PhaseSwitch = Profile.SupportsPhaseSwitch ? _phaseSwitch : null,
            Serial = Profile.Serial,
            UptimeS = UptimeS,
        };
    }

    public KebaReport3 Report3()
    {
        if (!Profile.HasMeter)
        {
            return new KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 0, Serial = Profile.Serial, UptimeS = UptimeS };
        }

        var (i1, i2, i3) = CurrentsMilliA();
        var u = (int)Math.Round(Profile.VoltageV);
        return new KebaReport3
        {
            U1V = u,
            U2V = u,
            U3V = u,
            I1MilliA = i1,
            I2MilliA = i2,
            I3MilliA = i3,
            PowerMilliW = (long)(i1 + i2 + i3) * u,
            PowerFactorPerMille = i1 + i2 + i3 > 0 ? 1000 : 0,
            SessionEnergyTenthsWh = (long)_sessionEnergyTenthsWh,
            TotalEnergyTenthsWh = (long)_totalEnergyTenthsWh,
            Serial = Profile.Serial,
            UptimeS = UptimeS,
        };
    }

    public KebaSessionReport SessionReport(int reportId)
    {
        var entry = reportId == 100 ? _sessions.FirstOrDefault() : _sessions.Where(s => s.IsEnded).Skip(reportId - 101).FirstOrDefault();
        if (entry is null)
        {
            return new KebaSessionReport { ReportId = reportId, SessionId = 0, Serial = Profile.Serial, UptimeS = UptimeS, Started = "0", Ended = "0" };
        }

        return new KebaSessionReport
        {
            ReportId = reportId,
            SessionId = entry.SessionId,
            HardwareCurrentMilliA = entry.HardwareCurrentMilliA,
            StartEnergyTenthsWh = entry.StartEnergyTenthsWh,
            SessionEnergyTenthsWh = entry.IsEnded ? entry.EnergyTenthsWh : (long)_sessionEnergyTenthsWh,
            StartedUptimeS = entry.StartedUptimeS,
            EndedUptimeS = entry.EndedUptimeS,
            Started = entry.Started,
            Ended = entry.Ended,
            Reason = entry.Reason,
            TimeQuality = 3,
            RfidTag = entry.RfidTag,
            RfidClass = entry.RfidClass,
            Serial = Profile.Serial,
            UptimeS = UptimeS,
        };
    }

    public static string NormalizeTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var t = tag.Trim().ToLowerInvariant();
        return t.Length >= 16 ? t[..16] : t.PadRight(16, '0');
    }

    private long UptimeS => (long)(_now - _bootAt).TotalSeconds;

    private bool EnableSys =>
        EnabledByUser && _userCurrentMilliA > 0 && !_energyLimitReached && !FailsafeTripped && (!AuthorizationOn || Authorized);

    private DateTimeOffset? FailsafeDeadline =>
        _failsafeTimeoutS > 0 && !FailsafeTripped ? _lastFeed + TimeSpan.FromSeconds(_failsafeTimeoutS) : null;

    private int Plug => Vehicle is null ? (Profile.FixedCable ? 3 : 0) : (_plugLocked ? 7 : 5);

    private int State
    {
        get
        {
            if (Error1 != 0)
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
                return new KebaFirmwareInfo(Profile.Firmware);
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
                _clockOffset = DateTimeOffset.FromUnixTimeSeconds(command.Number(0)) - _now;
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
        if (Vehicle is not null && (_sessions.Count == 0 || _sessions[0].IsEnded))
        {
            StartSession();
        }
        else if (_sessions.Count > 0 && !_sessions[0].IsEnded && _sessions[0].RfidTag == NoTag)
        {
            _sessions[0].RfidTag = tag;
            _sessions[0].RfidClass = tagClass;
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
        _sessions.Insert(0, new KebaSessionRecord
        {
            SessionId = _nextSessionId++,
            HardwareCurrentMilliA = Profile.HardwareCurrentMilliA,
            StartEnergyTenthsWh = (long)_totalEnergyTenthsWh,
            StartedUptimeS = UptimeS,
            Started = Timestamp(),
            RfidTag = _authorizedTag ?? NoTag,
            RfidClass = _authorizedTag is null ? NoClass : _authorizedClass,
        });
        if (_sessions.Count > 31)
        {
            _sessions.RemoveAt(_sessions.Count - 1);
        }
    }

    private void EndSession(int reason)
    {
        if (_sessions.Count == 0 || _sessions[0].IsEnded)
        {
            return;
        }

        var s = _sessions[0];
        s.EnergyTenthsWh = (long)_sessionEnergyTenthsWh;
        s.EndedUptimeS = UptimeS;
        s.Ended = Timestamp();
        s.Reason = reason;
    }

    private string Timestamp() => (_now + _clockOffset).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.000", CultureInfo.InvariantCulture);

    private int DesiredMilliA()
    {
        if (Vehicle is null || Error1 != 0)
        {
            return 0;
        }

        var hardware = Profile.HardwareCurrentMilliA;
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
        foreach (var candidate in new[] { _timerDue, FailsafeDeadline, _pilotDue })
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
        var phases = Profile.SupportsPhaseSwitch && _phaseSwitch == 0 ? 1 : Vehicle.Spec.Phases;
        return (milliA, phases >= 2 ? milliA : 0, phases >= 3 ? milliA : 0);
    }

    /// <summary>Re-derives the pilot and queues push messages for every watched field that changed.</summary>
    private void Settle()
    {
        UpdatePilot();
        var now = Observe();
        if (now.State != _lastPushed.State)
        {
            _pushes.Add(new KebaPushMessage("State", now.State));
        }

        if (now.Plug != _lastPushed.Plug)
        {
            _pushes.Add(new KebaPushMessage("Plug", now.Plug));
        }

        if (now.EnableSys != _lastPushed.EnableSys)
        {
            _pushes.Add(new KebaPushMessage("Enable sys", now.EnableSys));
        }

        if (now.MaxCurr != _lastPushed.MaxCurr)
        {
            _pushes.Add(new KebaPushMessage("Max curr", now.MaxCurr));
        }

        if (Profile.HasMeter && now.EnergyStep != _lastPushed.EnergyStep)
        {
            _pushes.Add(new KebaPushMessage("E pres", (long)_sessionEnergyTenthsWh));
        }

        _lastPushed = now;
    }

    /// <summary>E pres is pushed in steps of about 10 Wh (100 × 0.1 Wh).</summary>
    private Observed Observe() => new(State, Plug, EnableSys ? 1 : 0, _appliedMilliA, (long)_sessionEnergyTenthsWh / 100);

    private readonly record struct Observed(int State, int Plug, int EnableSys, int MaxCurr, long EnergyStep);
}
