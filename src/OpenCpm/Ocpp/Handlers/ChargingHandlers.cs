using OpenCpm.Authorization;
using OpenCpm.Control;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;
using OpenCpm.SmartCharging;
using OpenCpm.Stations;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// RemoteStartTransaction, RemoteStopTransaction and UnlockConnector, carried out through the operator's own
/// actions (<see cref="ChargePointCommands"/>), so they do at the station exactly what the API and the web UI do.
/// A remote start is answered first and acted on after (authorizing the idTag first when AuthorizeRemoteTxRequests
/// is true); without a vehicle plugged in it waits ConnectionTimeOut for one. A chargingProfile sent with the start
/// (a TxProfile without transactionId) is installed for the transaction it begins, once the backend's StartTransaction
/// answer gives its id (<see cref="SmartChargingService.ExpectRemoteStart"/>). Refused: connector 0, an unknown or
/// unreachable connector, one with a transaction, out of service or reserved for another idTag, a chargingProfile of
/// another purpose, with a transactionId or that could not be installed (TC_060), and anything before the backend
/// accepted the registration.
/// </summary>
internal sealed class ChargingHandlers(
    CsmsLink link,
    SiteSnapshots site,
    SettingsService settings,
    TransactionTracker tracker,
    ChargingAuthorizer authorizer,
    ChargePointReservations reservations,
    ChargePointCommands commands,
    CardService cards,
    CsmsAuthorizer backend,
    SmartChargingService smartCharging,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ChargingHandlers> logger) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<RemoteStartTransactionRequest, RemoteStartTransactionResponse>(RemoteStart);
        router.On<RemoteStopTransactionRequest, RemoteStopTransactionResponse>((request, context) => ValueTask.FromResult(RemoteStop(request, context)));
        router.On<UnlockConnectorRequest, UnlockConnectorResponse>(UnlockAsync);
    }

    private ValueTask<RemoteStartTransactionResponse> RemoteStart(RemoteStartTransactionRequest request, OcppCallContext context)
    {
        var chargePoint = link.IsAccepted && CardUid.TryParse(request.IdTag, out _) ? Startable(request.ConnectorId, request.IdTag) : null;
        var connector = chargePoint is null ? 0 : new OcppConnectors(settings.Current.Site).ConnectorOf(chargePoint.Id);
        var profile = request.ChargingProfile is { } wire ? SmartCharging.ChargingProfileWire.ToCore(wire) : null;
        if (chargePoint is null || (profile is not null && smartCharging.CheckForRemoteStart(connector, profile) is { } problem && Refused(problem)))
        {
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        if (profile is not null)
        {
            smartCharging.ExpectRemoteStart(connector, profile);
        }

        _ = FollowUpAsync(context.ReplySent, "a remote start", () => StartAsync(chargePoint.Id, CardUid.Parse(request.IdTag), lifetime.ApplicationStopping));
        return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }

    private bool Refused(string problem)
    {
        OcppHostLog.Note(logger, $"a remote start was refused: {problem}");
        return true;
    }

    /// <summary>
    /// The connector asked for (never 0), or without one the first with a vehicle waiting, else the first free one; a
    /// connector the backend reserved for another idTag (TC_046_2) is not free.
    /// </summary>
    private ChargePointSnapshot? Startable(int? connectorId, string idTag)
    {
        var connectors = new OcppConnectors(settings.Current.Site);
        var availability = settings.Current.Get<AvailabilitySettings>();
        var running = tracker.Running.Current;
        bool Free(ChargePointSnapshot? c) =>
            c is { Driver: not null, Status.Online: true } && !running.ContainsKey(c.Id) && !availability.IsOutOfService(c.Id)
            && c.State is not (Core.ChargePoints.ChargePointState.Error or Core.ChargePoints.ChargePointState.Offline)
            && (reservations.HeldAt(c.Id) is not { } held || held.Admits(idTag, authorizer.ParentOf(idTag)));
        if (connectorId is { } id)
        {
            return id > 0 && connectors.ChargePointAt(id) is { } installation && site.Current.Find(installation.Id) is var chosen && Free(chosen) ? chosen : null;
        }

        var candidates = connectors.ChargePoints.Select(c => site.Current.Find(c.Id)).Where(Free).ToList();
        return candidates.FirstOrDefault(c => c!.Status.VehiclePlugged) ?? candidates.FirstOrDefault();
    }

    private async Task StartAsync(string chargePointId, CardUid idTag, CancellationToken cancellationToken)
    {
        var config = settings.Current.Get<OcppChargePointSettings>();
        var connector = new OcppConnectors(settings.Current.Site).ConnectorOf(chargePointId);
        if (config.AuthorizeRemoteTxRequests && !await AuthorizedAsync(idTag, cancellationToken))
        {
            OcppHostLog.Note(logger, $"the remote start at {chargePointId} was not carried out: idTag {idTag} is not accepted");
            smartCharging.ForgetRemoteStart(connector);
            return;
        }

        var result = await commands.RunAsync(chargePointId, ChargePointAction.Start, idTag.Value, cancellationToken);
        if (result.Outcome != ChargePointActionOutcome.Done)
        {
            OcppHostLog.Note(logger, $"the remote start at {chargePointId} failed: {result.Message}");
            smartCharging.ForgetRemoteStart(connector);
            return;
        }

        if (site.Current.Find(chargePointId)?.Status.VehiclePlugged != true)
        {
            // ConnectionTimeOut: a start that finds no vehicle in time is given up (OCTT TC_011_2).
            await Task.Delay(TimeSpan.FromSeconds(config.ConnectionTimeOutSeconds), time, cancellationToken);
            if (!tracker.Running.Current.ContainsKey(chargePointId))
            {
                smartCharging.ForgetRemoteStart(connector);
            }

            await authorizer.WithdrawStartAsync(chargePointId, cancellationToken);
        }
    }

    /// <summary>AuthorizeRemoteTxRequests: the card list decides a card it has, else the backend (Authorize).</summary>
    private async Task<bool> AuthorizedAsync(CardUid idTag, CancellationToken cancellationToken)
    {
        if (cards.Cards.Current.Match(idTag) is { } card)
        {
            return card.Status == CardStatus.Accepted && !card.IsExpiredAt(time.GetLocalNow());
        }

        return await backend.AuthorizeAsync(idTag, cancellationToken) is { Status: IdTagStatus.Accepted };
    }

    private RemoteStopTransactionResponse RemoteStop(RemoteStopTransactionRequest request, OcppCallContext context)
    {
        if (!link.IsAccepted || tracker.FindByTransactionId(request.TransactionId) is not { } transaction)
        {
            return new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected };
        }

        tracker.NoteStopReason(transaction.ChargePoint, StopReason.Remote);
        _ = FollowUpAsync(context.ReplySent, "a remote stop", async () =>
        {
            var result = await commands.RunAsync(transaction.ChargePoint, ChargePointAction.Stop, null, StopReason.Remote, lifetime.ApplicationStopping);
            if (result.Outcome != ChargePointActionOutcome.Done)
            {
                OcppHostLog.Note(logger, $"the remote stop at {transaction.ChargePoint} failed: {result.Message}");
            }
        });
        return new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted };
    }

    private async ValueTask<UnlockConnectorResponse> UnlockAsync(UnlockConnectorRequest request, OcppCallContext context)
    {
        if (new OcppConnectors(settings.Current.Site).ChargePointAt(request.ConnectorId) is not { } installation)
        {
            return new UnlockConnectorResponse { Status = UnlockStatus.NotSupported };
        }

        if (tracker.Running.Current.ContainsKey(installation.Id))
        {
            tracker.NoteStopReason(installation.Id, StopReason.UnlockCommand);
        }

        var result = await commands.RunAsync(installation.Id, ChargePointAction.Unlock, null, StopReason.UnlockCommand, context.CancellationToken);
        return new UnlockConnectorResponse
        {
            Status = result.Outcome switch
            {
                ChargePointActionOutcome.Done => UnlockStatus.Unlocked,
                ChargePointActionOutcome.Unsupported => UnlockStatus.NotSupported,
                _ => UnlockStatus.UnlockFailed,
            },
        };
    }

    private async Task FollowUpAsync(Task replySent, string what, Func<Task> action)
    {
        try
        {
            await replySent;
            await action();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            OcppHostLog.StepFailed(logger, what, ex);
        }
    }
}
