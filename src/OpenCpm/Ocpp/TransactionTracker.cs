using System.Collections.Concurrent;
using System.Collections.Immutable;
using OpenCpm.Authorization;
using OpenCpm.Control;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Sessions;
using OpenCpm.Settings;
using OpenCpm.Stations;

namespace OpenCpm.Ocpp;

/// <summary>
/// Decides the OCPP transactions from what the controller knows, and queues their messages in the persistent outbox:
/// a transaction starts when a vehicle of an active session (<see cref="SessionRecorder.Active"/>) may charge — its
/// card or the operator's start accepted, or at once with authorization off — and stops when that authorization ends
/// while it is still plugged (reason Remote, Local, or what the backend's command said) or when the session ends
/// (its stop reason, meter and time). Sampled MeterValues (MeterValueSampleInterval, MeterValuesSampledData) go in
/// the same outbox, and StopTransaction carries StopTxnSampledData (and StopTxnAlignedData) as transactionData.
/// Everything is written before it counts: a transaction whose session ended while the controller was down is
/// stopped with the session's end at the next start. Works whenever a backend is enabled, connected or not (an
/// offline start gets the backend's transactionId when its StartTransaction is answered).
/// </summary>
internal sealed class TransactionTracker(
    SiteSnapshots site,
    SettingsService settings,
    ChargingAuthorizer authorizer,
    ChargePointReservations reservations,
    SessionRecorder recorder,
    SessionStore sessions,
    OcppTransactionStore store,
    OcppAvailability availability,
    SmartCharging.SmartChargingService smartCharging,
    ChargePointCommands commands,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<TransactionTracker> logger) : BackgroundService
{
    /// <summary>The idTag of a transaction with authorization off and no predefined token (OCPP needs one).</summary>
    public const string FreeChargingIdTag = "FreeCharging";

    private static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan EndCheckSpacing = TimeSpan.FromSeconds(2);

    private readonly WakeableLoop _loop = new(StepInterval, time);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, StopReason> _stopReasons = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(long RowId, int TransactionId, IdTagInfo Info)> _answers = new();
    private readonly Dictionary<long, DateTimeOffset> _endChecks = [];
    private readonly Dictionary<string, (long SessionId, bool SawUnauthorized)> _finished = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>The running transaction of each charge point that has one.</summary>
    public LiveValue<ImmutableDictionary<string, TrackedTransaction>> Running { get; } = new(ImmutableDictionary<string, TrackedTransaction>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Charge points whose transaction ended while the vehicle is still plugged in (OCPP Finishing), by session.</summary>
    public LiveValue<ImmutableDictionary<string, long>> Finished { get; } = new(ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The running transaction with the backend's <paramref name="transactionId"/>, or null.</summary>
    public TrackedTransaction? FindByTransactionId(int transactionId) =>
        Running.Current.Values.FirstOrDefault(t => t.TransactionId == transactionId);

    /// <summary>The next stop at <paramref name="chargePointId"/> gets <paramref name="reason"/> (the backend's RemoteStop, UnlockConnector…).</summary>
    public void NoteStopReason(string chargePointId, StopReason reason) => _stopReasons[chargePointId] = reason;

    /// <summary>The backend answered the StartTransaction of <paramref name="rowId"/> (called by the outbox's sender).</summary>
    public void StartAnswered(long rowId, int transactionId, IdTagInfo info)
    {
        _answers.Enqueue((rowId, transactionId, info));
        _loop.Wake();
    }

    /// <summary>Stops every running transaction now with <paramref name="reason"/> (a Reset); returns once the stops are stored.</summary>
    public async Task StopAllAsync(StopReason reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
            foreach (var transaction in Running.Current.Values.ToList())
            {
                var status = site.Current.Find(transaction.ChargePoint)?.Status;
                await StopAsync(transaction, time.GetUtcNow(), status?.TotalEnergyWh ?? transaction.MeterStartWh, reason, status, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A clock-aligned reading of a charge point with a running transaction goes to the outbox (and, when asked, into its StopTransaction).</summary>
    public async Task<bool> EnqueueAlignedAsync(string chargePointId, MeterValue value, bool keepForStop, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!Running.Current.TryGetValue(chargePointId, out var transaction))
            {
                return false;
            }

            var request = new MeterValuesRequest { ConnectorId = transaction.ConnectorId, TransactionId = 0, MeterValue = [value] };
            await store.EnqueueMeterValuesAsync(transaction.RowId, OcppPayloads.Write(request), keepForStop ? OcppPayloads.Write(value) : null, time.GetUtcNow(), cancellationToken);
            outbox.Wake();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var siteChanges = site.Live.Subscribe(_ => _loop.Wake());
        using var sessionChanges = recorder.Active.Subscribe(_ => _loop.Wake());
        using var authorizationChanges = authorizer.States.Subscribe(_ => _loop.Wake());
        await _loop.RunAsync(StepAsync, ex => OcppHostLog.StepFailed(logger, "the transaction tracker", ex), stoppingToken);
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
            ApplyAnswers(cancellationToken);
            var snapshot = settings.Current;
            if (!snapshot.Get<OcppBackendSettings>().Enabled || site.Current is not { At: not null } current)
            {
                return;
            }

            var context = new StepContext(
                new OcppConnectors(snapshot.Site),
                snapshot.Get<OcppChargePointSettings>(),
                snapshot.Get<AvailabilitySettings>(),
                recorder.Active.Current,
                time.GetUtcNow());
            foreach (var chargePoint in current.ChargePoints)
            {
                await StepAsync(chargePoint, context, cancellationToken);
            }

            foreach (var orphan in Running.Current.Values.Where(t => current.Find(t.ChargePoint) is null).ToList())
            {
                await CheckEndedAsync(orphan, null, context.Now, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StepAsync(ChargePointSnapshot chargePoint, StepContext context, CancellationToken cancellationToken)
    {
        var status = chargePoint.Status;
        var authorized = Authorized(chargePoint);
        var heard = chargePoint.Driver is not null && status.Online && status.State != ChargePointState.Offline;
        context.Sessions.TryGetValue(chargePoint.Id, out var session);
        if (Running.Current.TryGetValue(chargePoint.Id, out var transaction))
        {
            if (session is null || session.Id != transaction.SessionId)
            {
                await CheckEndedAsync(transaction, status, context.Now, cancellationToken);
            }
            else if (heard && status.VehiclePlugged && !authorized && !transaction.SuspendedByInvalidId)
            {
                // Only while plugged: after an unplug the session's end decides (EVDisconnected, its time and meter).
                await StopAsync(transaction, context.Now, status.TotalEnergyWh, ReasonAfterAuthorizationEnded(chargePoint.Id), status, cancellationToken);
            }
            else if (heard)
            {
                await SampleAsync(transaction, status, context, cancellationToken);
            }

            return;
        }

        if (_finished.TryGetValue(chargePoint.Id, out var finished))
        {
            if (session is null || session.Id != finished.SessionId)
            {
                _finished.Remove(chargePoint.Id);
                PublishFinished();
            }
            else if (!finished.SawUnauthorized && heard && !authorized)
            {
                _finished[chargePoint.Id] = finished with { SawUnauthorized = true };
            }
        }

        var connector = context.Connectors.ConnectorOf(chargePoint.Id);
        var mayStart = session is not null && heard && authorized && status.VehiclePlugged && connector > 0
            && !context.Availability.IsOutOfService(chargePoint.Id)
            && (!_finished.TryGetValue(chargePoint.Id, out var done) || done.SessionId != session.Id || done.SawUnauthorized);
        if (mayStart)
        {
            await StartAsync(chargePoint, session!, connector, context.Now, cancellationToken);
        }
    }

    /// <summary>Whether the vehicle at the charge point may charge: the station's own lock and the controller's decision.</summary>
    private bool Authorized(ChargePointSnapshot chargePoint) =>
        (!chargePoint.Status.AuthorizationRequired || chargePoint.Status.Authorized) && authorizer.AllowsCharging(chargePoint.Id);

    private StopReason ReasonAfterAuthorizationEnded(string chargePointId) =>
        _stopReasons.TryRemove(chargePointId, out var noted) ? noted
        : authorizer.States.Current.TryGetValue(chargePointId, out var state) && state.By == AuthorizedBy.Operator ? StopReason.Remote
        : StopReason.Local;

    private async Task StartAsync(ChargePointSnapshot chargePoint, ChargingSession session, int connector, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var idTag = IdTagFor(chargePoint.Id, session);
        var meterStartWh = chargePoint.Status.TotalEnergyWh;
        var reservationId = await reservations.UseAsync(connector, idTag, authorizer.ParentOf(idTag), cancellationToken);
        var request = new StartTransactionRequest { ConnectorId = connector, IdTag = idTag, MeterStart = OcppMeterReadings.WholeWh(meterStartWh), Timestamp = now, ReservationId = reservationId };
        var row = await store.StartAsync(
            new OcppTransactionRow { ChargePoint = chargePoint.Id, ConnectorId = connector, SessionId = session.Id, IdTag = idTag, MeterStartWh = meterStartWh, StartedAt = now },
            _ => OcppPayloads.Write(request),
            now,
            cancellationToken);
        _stopReasons.TryRemove(chargePoint.Id, out _);
        var interval = settings.Current.Get<OcppChargePointSettings>().MeterValueSampleIntervalSeconds;
        var transaction = new TrackedTransaction(row.Id, chargePoint.Id, connector, session.Id, idTag, now, meterStartWh)
        {
            NextSampleAt = now + TimeSpan.FromSeconds(Math.Max(1, interval)),
        };
        Running.Publish(Running.Current.SetItem(chargePoint.Id, transaction));
        outbox.Wake();
        OcppHostLog.Transaction(logger, row.Id, connector, chargePoint.Id, $"started under {idTag}");
    }

    private string IdTagFor(string chargePointId, ChargingSession session)
    {
        var candidates = new[] { authorizer.IdTagOf(chargePointId), session.IdTag, settings.Current.Get<Data.AuthorizationSettings>().ToPolicy().PredefinedToken?.Value };
        return candidates.FirstOrDefault(t => t is not null && Data.AuthorizationSettings.IsIdTag(t)) ?? FreeChargingIdTag;
    }

    /// <summary>The transaction's session is no longer active: once the store says it ended, the transaction stops with its end.</summary>
    private async Task CheckEndedAsync(TrackedTransaction transaction, StationStatus? status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_endChecks.TryGetValue(transaction.RowId, out var checkedAt) && now - checkedAt < EndCheckSpacing)
        {
            return;
        }

        _endChecks[transaction.RowId] = now;
        var ended = await sessions.GetAsync(transaction.SessionId, cancellationToken);
        if (ended is { End: null })
        {
            return; // still active (the recorder has not taken it up again yet)
        }

        var at = ended?.End is { } end && end > transaction.StartedAt ? end : (ended is null ? now : transaction.StartedAt);
        var meterWh = ended?.MeterEndWh ?? status?.TotalEnergyWh ?? transaction.MeterStartWh;
        var reason = _stopReasons.TryRemove(transaction.ChargePoint, out var noted) ? noted : ended?.StopReason ?? StopReason.Other;
        await StopAsync(transaction, at, meterWh, reason, status, cancellationToken);
    }

    private async Task StopAsync(TrackedTransaction transaction, DateTimeOffset at, double meterStopWh, StopReason reason, StationStatus? status, CancellationToken cancellationToken)
    {
        var config = settings.Current.Get<OcppChargePointSettings>();
        meterStopWh = Math.Max(meterStopWh, transaction.MeterStartWh);
        var data = await TransactionDataAsync(transaction, at, meterStopWh, status, config, cancellationToken);
        var request = new StopTransactionRequest
        {
            TransactionId = 0,
            IdTag = reason == StopReason.Local ? transaction.IdTag : null,
            MeterStop = OcppMeterReadings.WholeWh(meterStopWh),
            Timestamp = at,
            Reason = Enum.Parse<Reason>(reason.ToString()),
            TransactionData = data.Count > 0 ? data : null,
        };
        await store.StopAsync(transaction.RowId, at, meterStopWh, reason, OcppPayloads.Write(request), time.GetUtcNow(), cancellationToken);
        _endChecks.Remove(transaction.RowId);
        Running.Publish(Running.Current.Remove(transaction.ChargePoint));
        _finished[transaction.ChargePoint] = (transaction.SessionId, false);
        PublishFinished();
        outbox.Wake();
        OcppHostLog.Transaction(logger, transaction.RowId, transaction.ConnectorId, transaction.ChargePoint, $"stopped ({reason})");
        await availability.TransactionEndedAsync(transaction.ChargePoint, cancellationToken);
        if (transaction.TransactionId is { } transactionId)
        {
            await smartCharging.TransactionEndedAsync(transaction.ConnectorId, transactionId, cancellationToken); // its TxProfiles go
        }
    }

    /// <summary>StopTxnSampledData at the start and the stop, and the clock-aligned readings kept for StopTxnAlignedData.</summary>
    private async Task<List<MeterValue>> TransactionDataAsync(TrackedTransaction transaction, DateTimeOffset at, double meterStopWh, StationStatus? status, OcppChargePointSettings config, CancellationToken cancellationToken)
    {
        var data = new List<MeterValue>();
        var sampled = OcppMeasurands.Parse(config.StopTxnSampledData);
        if (sampled.Count > 0)
        {
            if (sampled.Contains(Measurand.EnergyActiveImportRegister))
            {
                var begin = OcppMeterReadings.Connector(new StationStatus { ChargePointId = transaction.ChargePoint }, [Measurand.EnergyActiveImportRegister], ReadingContext.TransactionBegin, transaction.MeterStartWh);
                data.Add(new MeterValue { Timestamp = transaction.StartedAt, SampledValue = begin });
            }

            var endStatus = status ?? new StationStatus { ChargePointId = transaction.ChargePoint };
            data.Add(new MeterValue { Timestamp = at, SampledValue = OcppMeterReadings.Connector(endStatus, sampled, ReadingContext.TransactionEnd, meterStopWh) });
        }

        if (OcppMeasurands.Parse(config.StopTxnAlignedData).Count > 0 && await store.GetAsync(transaction.RowId, cancellationToken) is { AlignedData: { } aligned })
        {
            data.InsertRange(Math.Min(1, data.Count), OcppPayloads.ReadMeterValues(aligned));
        }

        return data;
    }

    private async Task SampleAsync(TrackedTransaction transaction, StationStatus status, StepContext context, CancellationToken cancellationToken)
    {
        var interval = context.Config.MeterValueSampleIntervalSeconds;
        if (interval <= 0 || context.Now < transaction.NextSampleAt)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(interval);
        var next = transaction.StartedAt + (period * Math.Ceiling((context.Now - transaction.StartedAt) / period));
        Running.Publish(Running.Current.SetItem(transaction.ChargePoint, transaction with { NextSampleAt = next > context.Now ? next : next + period }));
        var measurands = OcppMeasurands.Parse(context.Config.MeterValuesSampledData);
        if (measurands.Count == 0)
        {
            return;
        }

        var request = new MeterValuesRequest
        {
            ConnectorId = transaction.ConnectorId,
            TransactionId = 0,
            MeterValue = [new MeterValue { Timestamp = context.Now, SampledValue = OcppMeterReadings.Connector(status, measurands, ReadingContext.SamplePeriodic) }],
        };
        await store.EnqueueMeterValuesAsync(transaction.RowId, OcppPayloads.Write(request), null, context.Now, cancellationToken);
        outbox.Wake();
    }

    /// <summary>StartTransaction answers: the backend's id; an idTag it does not accept stops the charge (StopTransactionOnInvalidId) or only the energy.</summary>
    private void ApplyAnswers(CancellationToken cancellationToken)
    {
        while (_answers.TryDequeue(out var answer))
        {
            if (Running.Current.Values.FirstOrDefault(t => t.RowId == answer.RowId) is not { } transaction)
            {
                continue;
            }

            var accepted = answer.Info.Status is AuthorizationStatus.Accepted;
            var stop = !accepted && Core.Authorization.OcppAuthorizationKeys.For(settings.Current.Get<Data.AuthorizationSettings>().ToPolicy()).StopTransactionOnInvalidId;
            Running.Publish(Running.Current.SetItem(transaction.ChargePoint, transaction with { TransactionId = answer.TransactionId, SuspendedByInvalidId = !accepted && !stop }));
            if (accepted || !stop)
            {
                smartCharging.TransactionStarted(transaction.ConnectorId, answer.TransactionId, transaction.StartedAt); // TxProfiles may now name it
            }
            if (accepted)
            {
                continue;
            }

            OcppHostLog.Transaction(logger, transaction.RowId, transaction.ConnectorId, transaction.ChargePoint, $"was not accepted ({answer.Info.Status}): {(stop ? "stopped" : "energy stopped")}");
            if (stop)
            {
                _stopReasons[transaction.ChargePoint] = StopReason.DeAuthorized;
                _ = FollowUpAsync(() => commands.RunAsync(transaction.ChargePoint, ChargePointAction.Stop, null, StopReason.DeAuthorized, cancellationToken));
            }
            else
            {
                _ = FollowUpAsync(() => authorizer.StopAsync(transaction.ChargePoint, cancellationToken));
            }
        }
    }

    private async Task FollowUpAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(logger, "a stop after a refused idTag", ex);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var running = await store.RunningAsync(cancellationToken);
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.Current.Get<OcppChargePointSettings>().MeterValueSampleIntervalSeconds));
        var now = time.GetUtcNow();
        Running.Publish(running.ToImmutableDictionary(
            r => r.ChargePoint,
            r => new TrackedTransaction(r.Id, r.ChargePoint, r.ConnectorId, r.SessionId, r.IdTag, r.StartedAt, r.MeterStartWh) { TransactionId = r.TransactionId, NextSampleAt = now + interval },
            StringComparer.Ordinal));
        foreach (var r in running)
        {
            if (r.TransactionId is { } transactionId)
            {
                smartCharging.TransactionStarted(r.ConnectorId, transactionId, r.StartedAt);
            }
        }

        _loaded = true;
    }

    private void PublishFinished() =>
        Finished.Publish(_finished.ToImmutableDictionary(p => p.Key, p => p.Value.SessionId, StringComparer.Ordinal));

    private sealed record StepContext(
        OcppConnectors Connectors,
        OcppChargePointSettings Config,
        AvailabilitySettings Availability,
        ImmutableDictionary<string, ChargingSession> Sessions,
        DateTimeOffset Now);
}
