using System.Globalization;
using System.Threading.Channels;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;
using OpenCpm.Live;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// <see cref="IStationDriver"/> for a KEBA P30 over the host's <see cref="KebaUdpEndpoint"/>. Current control uses
/// <c>currtime &lt;mA&gt; 1</c> (0 = pause); the failsafe watchdog is configured at start-up and fed with the last
/// setpoint every quarter of its timeout. Push messages update the status between polls.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "The command gate's SemaphoreSlim never creates a wait handle (no AvailableWaitHandle), so it holds nothing to release.")]
internal sealed class KebaStationDriver : IStationDriver
{
    private const int MinimumMilliA = 6000;
    private const int MaximumMilliA = 63_000;

    /// <summary>How far "Curr user" may exceed the commanded current before the command counts as lost (rounding).</summary>
    private const int LostLimitToleranceMilliA = 100;

    /// <summary>Report 2 unanswered this many polls in a row while the station answers report 1: a specific problem, not just "offline".</summary>
    private const int ReportMissesForProblem = 2;

    /// <summary>A report this soon after a command may not show it yet (ena takes ~1 s): no restore is judged from it.</summary>
    private static readonly TimeSpan CommandSettleTime = TimeSpan.FromSeconds(2);

    private readonly KebaStationDriverOptions _options;
    private readonly KebaStationLink _link;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private readonly LiveValue<StationStatus> _status;
    private readonly StationEvents? _events;
    private readonly VehiclePhaseDetector _phases = new();
    private StationCapabilities? _capabilities;
    private KebaReport2? _report2;
    private KebaReport2? _beforeFault;
    private int _faultReports;
    private DateTimeOffset? _report2At;
    private DateTimeOffset? _report1At;
    private int _report2Misses;
    private KebaReport3? _report3;
    private DateTimeOffset? _report3At;
    private bool _chargedThisSession;
    private string? _rfidTag;
    private long _lastCommandTicks;

    /// <summary>One setpoint-type command (setpoint, enable, watchdog feed, restore) decided and sent at a time.</summary>
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private int? _commandedMilliA;
    private bool _disabledByController;
    private DateTimeOffset _lastFeed;
    private DateTimeOffset _startedAt;
    private bool _wasOnline;

    public KebaStationDriver(
        KebaStationDriverOptions options, KebaUdpEndpoint endpoint, TimeProvider timeProvider, ILogger<KebaStationDriver> logger, StationEvents? events = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        _options = options;
        _link = endpoint.Connect(options.Address);
        _timeProvider = timeProvider;
        _logger = logger;
        _events = events;
        _status = new LiveValue<StationStatus>(new StationStatus { ChargePointId = options.ChargePointId });
        _startedAt = timeProvider.GetUtcNow();
    }

    public string ChargePointId => _options.ChargePointId;

    public LiveValue<StationStatus> Status => _status;

    public StationCapabilities? Capabilities => Volatile.Read(ref _capabilities);

    private int ExpectedFailsafeTimeoutS => _options.FailsafeTimeoutS <= 0 ? 0 : Math.Clamp(_options.FailsafeTimeoutS, 10, 600);

    private TimeSpan FeedInterval => TimeSpan.FromSeconds(Math.Max(1, _options.FailsafeTimeoutS / 4.0));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _startedAt = _timeProvider.GetUtcNow();
        var pump = PumpUnsolicitedAsync(cancellationToken);
        try
        {
            var lastIdentity = DateTimeOffset.MinValue;
            var failsafeConfigured = false;
            using var timer = new PeriodicTimer(_options.PollInterval, _timeProvider);
            do
            {
                try
                {
                    var now = _timeProvider.GetUtcNow();
                    // Report 1 again while report 2 goes unanswered: tells a silent station from one that answers only report 1.
                    if (Capabilities is null || now - lastIdentity >= _options.IdentityRefresh || ReportTwoMissing())
                    {
                        if (await RefreshIdentityAsync(cancellationToken))
                        {
                            lastIdentity = now;
                        }
                    }

                    var commandedBeforePoll = CommandedLimit();
                    await PollAsync(cancellationToken);
                    if (CardReadDue())
                    {
                        // A card held to the reader is recorded in the running session's log entry (report 100).
                        await RefreshRfidTagAsync(cancellationToken);
                    }

                    await RestoreLostLimitAsync(commandedBeforePoll, cancellationToken);
                    if (failsafeConfigured && _report2 is { } polled && polled.FailsafeTimeoutS != ExpectedFailsafeTimeoutS)
                    {
                        // The station lost the setting (a reboot clears a non-persisted failsafe) or someone changed it.
                        failsafeConfigured = false;
                    }

                    if (!failsafeConfigured && _report2 is not null)
                    {
                        failsafeConfigured = await ConfigureFailsafeAsync(cancellationToken);
                    }
                    else if (failsafeConfigured)
                    {
                        await FeedWatchdogIfDueAsync(cancellationToken);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    StationsLog.PollFailed(_logger, ChargePointId, ex);
                }

                Publish();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await pump;
        }
    }

    public async Task<StationCommandResult> SetCurrentAsync(double amps, CancellationToken cancellationToken)
    {
        if (double.IsNaN(amps) || amps < 0)
        {
            return StationCommandResult.Rejected(FormattableString.Invariant($"a current must be 0 A or more, not {amps} A"));
        }

        var milliA = ToMilliA(amps);
        if (milliA == 0)
        {
            // Held off with ena 0, not currtime 0: a disabled station stays disabled across an unplug, while an unplug
            // resets a currtime-derived "Curr user" to the 63 A default and the next vehicle would start at the
            // hardware maximum before the controller has seen it (keba-p30.md 4.4, 4.6).
            return await CommandAsync(KebaCommand.Enable(false), 0, disabled: true, cancellationToken);
        }

        bool disabled;
        lock (_sync)
        {
            disabled = _disabledByController;
        }

        if (disabled)
        {
            // From disabled: the current first (curr sets "Curr user" at once; nothing flows yet), then the currtime
            // that ends the ena 0 (and replaces any currtime still counting down, which would overwrite the current
            // later). A currtime alone would enable at once with whatever "Curr user" holds — 63 A after an unplug —
            // and apply its own current only a second later, after which the pilot waits another 6–7 s.
            var set = await CommandAsync(KebaCommand.Curr(milliA), milliA, disabled: true, cancellationToken);
            return set.IsAccepted ? await CommandAsync(KebaCommand.CurrTime(milliA, 1), milliA, disabled: false, cancellationToken) : set;
        }

        return await CommandAsync(KebaCommand.CurrTime(milliA, 1), milliA, disabled: false, cancellationToken);
    }

    /// <summary>
    /// <c>currtime X 1</c> takes effect after its 1 s, and a change between two non-zero currents then waits for the
    /// P30's pilot delay (about 6–7 s: not before 6 s, 8 s with a margin). A stop (<c>ena 0</c>) and a start from it
    /// (<c>curr X</c>, then the <c>currtime X 1</c> that ends the <c>ena 0</c>) may show at once and are done within
    /// about a second. The vehicle follows within 5 s (IEC 61851-1).
    /// </summary>
    public SetpointTiming Timing(double fromA, double toA)
    {
        var betweenCurrents = fromA >= 6 && toA >= 6;
        return betweenCurrents
            ? new SetpointTiming(TimeSpan.FromSeconds(1 + 6), TimeSpan.FromSeconds(1 + 8 + 5))
            : new SetpointTiming(TimeSpan.Zero, TimeSpan.FromSeconds(1 + 5));
    }

    public async Task<StationCommandResult> SetEnabledAsync(bool enabled, CancellationToken cancellationToken)
    {
        int? milliA;
        lock (_sync)
        {
            milliA = _commandedMilliA;
        }

        return await CommandAsync(KebaCommand.Enable(enabled), milliA, disabled: !enabled, cancellationToken);
    }

    /// <summary>
    /// Sends a setpoint-type command (currtime, ena) as the controller's new intent. The intent counts from the moment
    /// the command leaves — an unanswered command may have been carried out, so the watchdog feed and the lost-limit
    /// restore repeat the newest intent, never an older one — and is taken back only when the station refuses it.
    /// Setpoints, feeds and restores take turns (<see cref="_commandGate"/>) so a feed or restore decided on an older
    /// intent can never overtake a newer setpoint.
    /// </summary>
    private async Task<StationCommandResult> CommandAsync(KebaCommand command, int? milliA, bool disabled, CancellationToken cancellationToken)
    {
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            (int? MilliA, bool Disabled) previous;
            lock (_sync)
            {
                previous = (_commandedMilliA, _disabledByController);
                _commandedMilliA = milliA;
                _disabledByController = disabled;
            }

            var result = await SendAsync(command, cancellationToken);
            lock (_sync)
            {
                if (result.Outcome == StationCommandOutcome.Rejected && (_commandedMilliA, _disabledByController) == (milliA, disabled))
                {
                    (_commandedMilliA, _disabledByController) = previous;
                }
                else if (result.IsAccepted)
                {
                    _lastFeed = _timeProvider.GetUtcNow();
                }
            }

            return result;
        }
        finally
        {
            _commandGate.Release();
        }
    }

    public async Task<StationCommandResult> StartAsync(string idTag, CancellationToken cancellationToken)
    {
        if (Capabilities is { HasRfid: false })
        {
            return StationCommandResult.Unsupported("this station has no RFID authorization");
        }

        if (KebaTag.Normalize(idTag) is not { } tag)
        {
            return StationCommandResult.Rejected($"RFID tag '{idTag}' is not 1 to 16 hex digits");
        }

        var result = await SendAsync(KebaCommand.Start(tag), cancellationToken);
        if (result.IsAccepted)
        {
            lock (_sync)
            {
                _rfidTag = tag;
            }
        }

        return result;
    }

    public async Task<StationCommandResult> StopAsync(string? idTag, CancellationToken cancellationToken)
    {
        if (Capabilities is { HasRfid: false })
        {
            return StationCommandResult.Unsupported("this station has no RFID authorization");
        }

        if (idTag is null && Capabilities is { SupportsSessionHistory: true })
        {
            // The session may have been started by a card at the station: its log (report 100) names the tag.
            await RefreshRfidTagAsync(cancellationToken);
        }

        string? tag;
        lock (_sync)
        {
            tag = idTag is null ? _rfidTag : KebaTag.Normalize(idTag);
        }

        if (tag is null)
        {
            return StationCommandResult.Rejected(idTag is null ? "no RFID tag started the running session" : $"RFID tag '{idTag}' is not 1 to 16 hex digits");
        }

        return await SendAsync(KebaCommand.Stop(tag), cancellationToken);
    }

    public Task<StationCommandResult> UnlockAsync(CancellationToken cancellationToken) => SendAsync(KebaCommand.Unlock(), cancellationToken);

    public Task<StationCommandResult> RestartAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StationCommandResult.Unsupported("a KEBA P30 cannot be restarted over its UDP interface"));

    public async Task<StationCommandResult> ShowTextAsync(string text, TimeSpan? duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Capabilities is { HasDisplay: false })
        {
            return StationCommandResult.Unsupported("this station has no display");
        }

        // Timed: the text stays up to the duration, and another may replace it after at most 2 s (spec 4.10).
        var command = duration is { } d
            ? KebaCommand.Display(text, (int)Math.Min(2, Math.Ceiling(d.TotalSeconds)), (int)Math.Ceiling(d.TotalSeconds))
            : KebaCommand.Display(text);
        return await SendAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StationSessionRecord>> ReadSessionHistoryAsync(long afterSessionId, CancellationToken cancellationToken)
    {
        var sessions = new List<StationSessionRecord>();
        for (var id = 100; id <= 130; id++)
        {
            var exchange = await _link.SendAsync(KebaCommand.Report(id), cancellationToken);
            if (exchange.Reply is not KebaSessionReport report || KebaSessionLog.ToRecord(report, _timeProvider.GetUtcNow()) is not { } record || record.SessionId <= afterSessionId)
            {
                break;
            }

            if (sessions.Count > 0 && sessions[^1].SessionId == record.SessionId)
            {
                // report 100 and 101 are the same session until the next one starts.
                continue;
            }

            sessions.Add(record);
        }

        return sessions;
    }

    private async Task<StationCommandResult> SendAsync(KebaCommand command, CancellationToken cancellationToken)
    {
        var exchange = await _link.SendAsync(command, cancellationToken);
        Volatile.Write(ref _lastCommandTicks, _timeProvider.GetTimestamp());
        var result = exchange switch
        {
            { Reply: KebaAcknowledge } => StationCommandResult.Accepted,
            { Reply: KebaRejection rejection } => StationCommandResult.Rejected(rejection.Text),
            { Outcome: KebaExchangeOutcome.NotAllowedNow } => StationCommandResult.Rejected("not allowed now by the station's timing rules"),
            { Outcome: KebaExchangeOutcome.Sent } => StationCommandResult.Accepted,
            _ => StationCommandResult.TimedOut(string.Create(CultureInfo.InvariantCulture, $"no reply to '{command.Text}' after {exchange.Attempts} attempts")),
        };
        if (!result.IsAccepted)
        {
            StationsLog.CommandFailed(_logger, ChargePointId, command.Text, result.Outcome.ToString());
        }

        Publish();
        return result;
    }

    private async Task<bool> RefreshIdentityAsync(CancellationToken cancellationToken)
    {
        var exchange = await _link.SendAsync(KebaCommand.Report(1), cancellationToken);
        if (exchange.Reply is not KebaReport1 report)
        {
            return false;
        }

        var capabilities = KebaCapabilities.From(report);
        lock (_sync)
        {
            _report1At = _timeProvider.GetUtcNow();
        }

        if (Capabilities is null)
        {
            StationsLog.Identified(_logger, ChargePointId, capabilities.Product, capabilities.Serial, capabilities.Firmware);
        }

        Volatile.Write(ref _capabilities, capabilities);
        if (capabilities.SupportsSessionHistory && capabilities.HasRfid)
        {
            await RefreshRfidTagAsync(cancellationToken);
        }

        return true;
    }

    private async Task RefreshRfidTagAsync(CancellationToken cancellationToken)
    {
        var exchange = await _link.SendAsync(KebaCommand.Report(100), cancellationToken);
        if (exchange.Reply is KebaSessionReport latest)
        {
            string? presented = null;
            lock (_sync)
            {
                var tag = latest is { Reason: 0, SessionId: > 0 } && !KebaTag.IsNone(latest.RfidTag) ? latest.RfidTag : null;
                if (tag is not null && tag != _rfidTag)
                {
                    presented = tag;
                }

                _rfidTag = tag;
            }

            if (presented is not null)
            {
                _events?.Publish(new CardPresented(ChargePointId, _timeProvider.GetUtcNow(), presented));
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var exchange2 = await _link.SendAsync(KebaCommand.Report(2), cancellationToken);
        if (exchange2.Reply is KebaReport2 report2)
        {
            lock (_sync)
            {
                _report2At = _timeProvider.GetUtcNow();
                _report2Misses = 0;
            }

            Apply(report2);
            Publish(); // the state is known as soon as report 2 is in, not only after the whole round
        }
        else
        {
            lock (_sync)
            {
                _report2Misses++;
            }

            return;
        }

        if (Capabilities is { HasMeter: false })
        {
            return;
        }

        var exchange3 = await _link.SendAsync(KebaCommand.Report(3), cancellationToken);
        if (exchange3.Reply is KebaReport3 report3)
        {
            Apply(report3);
        }
    }

    /// <summary>A vehicle is plugged in and no card of its session is known yet (the station has a reader and a log).</summary>
    private bool CardReadDue()
    {
        lock (_sync)
        {
            return Capabilities is { SupportsSessionHistory: true, HasRfid: true } && _report2 is { VehiclePlugged: true } && _rfidTag is null;
        }
    }

    private bool ReportTwoMissing()
    {
        lock (_sync)
        {
            return _report2Misses >= ReportMissesForProblem;
        }
    }

    private (int? MilliA, bool Disabled) CommandedLimit()
    {
        lock (_sync)
        {
            return (_commandedMilliA, _disabledByController);
        }
    }

    /// <summary>
    /// A station that offers more than the controller commanded lost the command: a reboot clears curr/currtime/ena,
    /// an unplug resets a currtime-derived "Curr user" to the default, or another client changed it. The command is
    /// sent again at once rather than at the next watchdog feed, so the next vehicle never starts above its share.
    /// Skipped while the station still counts down our currtime ("Curr timer"/"Tmo CT"), within 2 s of any command
    /// (it may not show yet), and when a new command was acknowledged while the report was on its way.
    /// </summary>
    private Task RestoreLostLimitAsync((int? MilliA, bool Disabled) commandedBeforePoll, CancellationToken cancellationToken) =>
        SendInTurnAsync(() => LostLimitRestore(commandedBeforePoll), cancellationToken);

    /// <summary>The command that puts back a lost limit, or null when nothing is lost (called under <see cref="_sync"/>).</summary>
    private KebaCommand? LostLimitRestore((int? MilliA, bool Disabled) commandedBeforePoll)
    {
        if (_report2 is not { } report || (_commandedMilliA, _disabledByController) != commandedBeforePoll
            || _timeProvider.GetElapsedTime(Volatile.Read(ref _lastCommandTicks)) < CommandSettleTime)
        {
            return null;
        }

        KebaCommand restore;
        if (_disabledByController && report.EnableUser != 0)
        {
            restore = KebaCommand.Enable(false);
        }
        else if (!_disabledByController && _commandedMilliA is { } commanded && report.UserCurrentMilliA > commanded + LostLimitToleranceMilliA
            && !(report.TimerRemainingS > 0 && report.TimerCurrentMilliA == commanded))
        {
            restore = KebaCommand.CurrTime(commanded, 1);
        }
        else
        {
            return null;
        }

        StationsLog.LimitLost(_logger, ChargePointId, report.UserCurrentMilliA, report.EnableUser, _disabledByController ? 0 : _commandedMilliA ?? 0);
        return restore;
    }

    /// <summary>
    /// Takes the command gate, lets <paramref name="decide"/> pick a command from the current intent (under
    /// <see cref="_sync"/>; null = nothing to send) and sends it; an acknowledged one fed the watchdog.
    /// </summary>
    private async Task SendInTurnAsync(Func<KebaCommand?> decide, CancellationToken cancellationToken)
    {
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            KebaCommand? command;
            lock (_sync)
            {
                command = decide();
            }

            if (command is not null && (await SendAsync(command, cancellationToken)).IsAccepted)
            {
                lock (_sync)
                {
                    _lastFeed = _timeProvider.GetUtcNow();
                }
            }
        }
        finally
        {
            _commandGate.Release();
        }
    }

    private async Task<bool> ConfigureFailsafeAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.FailsafeTimeoutS;
        if (timeout <= 0)
        {
            if (_report2 is { FailsafeTimeoutS: > 0 })
            {
                return (await SendAsync(KebaCommand.Failsafe(0, 0, persist: false), cancellationToken)).IsAccepted;
            }

            return true;
        }

        var milliA = ToMilliA(_options.FailsafeCurrentA);
        var result = await SendAsync(KebaCommand.Failsafe(Math.Clamp(timeout, 10, 600), milliA, persist: false), cancellationToken);
        if (result.IsAccepted)
        {
            lock (_sync)
            {
                _lastFeed = _timeProvider.GetUtcNow();
            }
        }

        return result.IsAccepted;
    }

    /// <summary>
    /// The watchdog is fed by curr/currtime/ena. Re-send what the controller last asked for (the failsafe current
    /// until it has asked for anything; <c>ena 0</c> while it keeps the station disabled, since a currtime would enable it).
    /// </summary>
    private Task FeedWatchdogIfDueAsync(CancellationToken cancellationToken) =>
        _options.FailsafeTimeoutS <= 0 ? Task.CompletedTask : SendInTurnAsync(DueFeed, cancellationToken);

    /// <summary>The feed when one is due (called under <see cref="_sync"/>): the newest intent, or the failsafe current before any.</summary>
    private KebaCommand? DueFeed() =>
        _timeProvider.GetUtcNow() - _lastFeed < FeedInterval ? null
        : _disabledByController ? KebaCommand.Enable(false)
        : KebaCommand.CurrTime(_commandedMilliA ?? ToMilliA(_options.FailsafeCurrentA), 1);

    /// <summary>Amperes to the mA a P30 takes: below 6 A is 0 (pause), at most 63 A.</summary>
    private static int ToMilliA(double amps) =>
        amps * 1000 < MinimumMilliA ? 0 : (int)Math.Min(MaximumMilliA, Math.Round(amps * 1000));

    private async Task PumpUnsolicitedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _link.Unsolicited.WaitToReadAsync(cancellationToken))
            {
                while (_link.Unsolicited.TryRead(out var message))
                {
                    switch (message)
                    {
                        case KebaPushMessage push:
                            ApplyPush(push);
                            break;
                        case KebaReport2 late2:
                            Apply(late2);
                            break;
                        case KebaReport3 late3:
                            Apply(late3);
                            break;
                    }
                }

                Publish();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    private void Apply(KebaReport2 report)
    {
        lock (_sync)
        {
            Take(report, polled: true);
        }
    }

    /// <summary>A newer report 2 (polled, or a push applied to the last one); called under <see cref="_sync"/>.</summary>
    private void Take(KebaReport2 report, bool polled)
    {
        if (_report2 is { VehiclePlugged: true } && !report.VehiclePlugged)
        {
            _phases.Reset();
            _chargedThisSession = false;
            _rfidTag = null;
        }

        if (report.State == 3)
        {
            _chargedThisSession = true;
        }

        if (report.State == 4)
        {
            _faultReports += polled ? 1 : 0;
        }
        else
        {
            _faultReports = 0;
            _beforeFault = report;
        }

        _report2 = report;
    }

    /// <summary>
    /// Report 2 as the controller acts on it. A P30 x-series may show State 4 for one report when a vehicle is
    /// plugged in (Error1 6, Error2 32769, Max curr 0, also pushed) and recover by the next: a fault counts only when two
    /// polled reports in a row show State 4; until then the state before it stands (called under <see cref="_sync"/>).
    /// </summary>
    private KebaReport2? Effective() =>
        _report2 is { State: 4 } fault && _faultReports < 2
            ? fault with { State = _beforeFault?.State ?? 1, MaxCurrentMilliA = _beforeFault?.MaxCurrentMilliA ?? 0 }
            : _report2;

    private void Apply(KebaReport3 report)
    {
        lock (_sync)
        {
            _report3 = report;
            _report3At = _timeProvider.GetUtcNow();
            if (_report2 is { State: 3 })
            {
                // Core's rule (one rule for the driver and the simulator): the set only grows during a session.
                _phases.Observe(new PhaseCurrents(report.I1MilliA / 1000.0, report.I2MilliA / 1000.0, report.I3MilliA / 1000.0));
            }
        }
    }

    private void ApplyPush(KebaPushMessage push)
    {
        lock (_sync)
        {
            if (_report2 is { } r2)
            {
                var updated = r2 with
                {
                    State = (int)Math.Clamp(push.Get("State") ?? r2.State, 0, 5),
                    Plug = (int)Math.Clamp(push.Get("Plug") ?? r2.Plug, 0, 7),
                    EnableSys = (int)Math.Clamp(push.Get("Enable sys") ?? r2.EnableSys, 0, 1),
                    MaxCurrentMilliA = (int)Math.Clamp(push.Get("Max curr") ?? r2.MaxCurrentMilliA, 0, MaximumMilliA),
                    Input = (int)Math.Clamp(push.Get("Input") ?? r2.Input, 0, 1),
                };
                Take(updated, polled: false);
            }

            if (_report3 is { } r3 && push.Get("E pres") is { } energy)
            {
                _report3 = WithSessionEnergy(r3, Math.Max(0, energy));
            }
        }
    }

    /// <summary>
    /// Report 3 with a pushed <c>E pres</c>, its <c>E total</c> moved along (a push carries only E pres): the energy
    /// added since the report is added to the total too, so the total and the session's energy stay one reading. An E
    /// pres below the report's starts a new session, whose energy all comes on top of the report's total.
    /// </summary>
    internal static KebaReport3 WithSessionEnergy(KebaReport3 report, long sessionTenthsWh)
    {
        var added = sessionTenthsWh >= report.SessionEnergyTenthsWh ? sessionTenthsWh - report.SessionEnergyTenthsWh : sessionTenthsWh;
        return report with { SessionEnergyTenthsWh = sessionTenthsWh, TotalEnergyTenthsWh = report.TotalEnergyTenthsWh + added };
    }

    /// <summary>
    /// Why a station that answers report 1 gives no report 2 (called under <see cref="_sync"/>): its UDP interface is
    /// switched off, or it is a firmware 3.10.80 with Modbus TCP on, which then answers only report 1.
    /// </summary>
    private string OnlyIdentityProblem()
    {
        var capabilities = Capabilities;
        var address = _options.Address;
        return capabilities switch
        {
            { InterfaceEnabledBySwitch: false } =>
                $"station {address} answers only report 1: its UDP interface is switched off (DIP switch 1.3) — switch it on to let the controller drive it",
            { Firmware: var firmware } when firmware.Contains("3.10.80", StringComparison.Ordinal) =>
                $"station {address} answers only report 1: firmware 3.10.80 with Modbus TCP enabled — disable DIP 1.3 or use the Modbus driver",
            _ => $"station {address} answers report 1 but not report 2, so the controller can't see or drive its charging (check its DIP switches and firmware)",
        };
    }

    /// <summary>Rebuilds the snapshot; writes it to the channel when anything but LastSeen changed.</summary>
    private void Publish()
    {
        StationStatus next;
        bool changed;
        bool cameOnline = false, wentOffline = false;
        lock (_sync)
        {
            var now = _timeProvider.GetUtcNow();
            var lastHeard = _link.LastHeard;
            var heard = lastHeard is { } at && now - at < _options.OfflineAfter;
            var online = heard && _report2At is { } reportAt && now - reportAt < _options.OfflineAfter;
            if (online != _wasOnline)
            {
                cameOnline = online;
                wentOffline = !online;
                _wasOnline = online;
            }

            var r2 = Effective();
            var r3 = _report3;
            next = new StationStatus
            {
                ChargePointId = ChargePointId,
                State = KebaStateMapping.Map(r2, online, _chargedThisSession),
                Online = online,
                VehiclePlugged = r2?.VehiclePlugged ?? false,
                CurrentsA = r3 is null ? default : new PhaseCurrents(r3.I1MilliA / 1000.0, r3.I2MilliA / 1000.0, r3.I3MilliA / 1000.0),
                CurrentsMeasuredAt = _report3At,
                VoltagesV = r3 is null ? default : new PhaseVoltages(r3.U1V, r3.U2V, r3.U3V),
                PowerW = (r3?.PowerMilliW ?? 0) / 1000.0,
                SessionEnergyWh = (r3?.SessionEnergyTenthsWh ?? 0) / 10.0,
                TotalEnergyWh = (r3?.TotalEnergyTenthsWh ?? 0) / 10.0,
                ActivePhases = _phases.Phases,
                AuthorizationRequired = r2?.AuthRequired == 1,
                Authorized = r2 is { AuthOn: 1, AuthRequired: 0 },
                RfidTag = _rfidTag,
                HardwareMaxCurrentA = (r2?.HardwareCurrentMilliA ?? 0) / 1000.0,
                OfferedCurrentA = (r2?.MaxCurrentMilliA ?? 0) / 1000.0,
                // A currtime still counting down will be in force within a second: the higher of the two is what may
                // flow. A station disabled with ena 0 offers nothing, whatever its current.
                SetpointA = r2 is { EnableUser: 0 } ? 0 : Math.Max(r2?.UserCurrentMilliA ?? 0, r2 is { TimerRemainingS: > 0 } ? r2.TimerCurrentMilliA : 0) / 1000.0,
                EnabledByUser = r2?.EnableUser == 1,
                FailsafeCurrentA = (r2?.FailsafeCurrentMilliA ?? 0) / 1000.0,
                FailsafeTimeoutS = r2?.FailsafeTimeoutS ?? 0,
                ErrorCode = r2?.State == 4 ? Math.Max(r2.Error1, r2.Error2) : 0,
                Problem = !online && _report2Misses >= ReportMissesForProblem && _report1At is { } identifiedAt && now - identifiedAt < _options.OfflineAfter
                    ? OnlyIdentityProblem()
                    : null,
                LastSeen = lastHeard,
            };
            var previous = _status.Current;
            changed = next with { LastSeen = previous.LastSeen } != previous;
            if (changed)
            {
                _status.Publish(next); // under the lock, so snapshots are published in the order they were made
            }
            else
            {
                _status.SetQuietly(next);
            }
        }

        if (wentOffline && _startedAt != default)
        {
            StationsLog.WentOffline(_logger, ChargePointId, _options.OfflineAfter.TotalSeconds);
        }
        else if (cameOnline)
        {
            StationsLog.CameOnline(_logger, ChargePointId);
        }

    }
}
