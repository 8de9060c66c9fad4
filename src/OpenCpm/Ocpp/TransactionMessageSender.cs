using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>
/// Delivers the outbox in order, one message at a time, whenever the backend has accepted the registration (other
/// messages may overtake it: they do not wait for the outbox). A StopTransaction or MeterValues gets the transactionId
/// its StartTransaction received. A message the backend fails to process (a CALLERROR, or no answer) is sent again
/// after TransactionMessageRetryInterval × the attempts so far, and given up only after TransactionMessageAttempts
/// attempts (a warning in the event log); a broken connection is no attempt. A message leaves the outbox in the same
/// database transaction that stores what its answer said.
/// </summary>
internal sealed class TransactionMessageSender(
    CsmsLink link,
    OcppTransactionStore store,
    TransactionTracker tracker,
    CsmsAuthorizer authorizer,
    OutboxSignal signal,
    Settings.SettingsService settings,
    EventLog events,
    TimeProvider time,
    ILogger<TransactionMessageSender> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Taken before looking, so a message queued or a registration made meanwhile is not missed.
                var queued = signal.Next();
                var registration = link.Session.Version;
                var wait = await SendNextAsync(stoppingToken);
                if (wait is { } delay)
                {
                    await WaitAsync(delay, queued, registration, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                OcppHostLog.StepFailed(logger, "the outbox", ex);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Sends the oldest message if it may go now; returns how long to wait otherwise (null: go on at once).</summary>
    private async Task<TimeSpan?> SendNextAsync(CancellationToken cancellationToken)
    {
        if (!link.IsAccepted)
        {
            return Idle;
        }

        if (await store.HeadAsync(cancellationToken) is not var (message, transaction))
        {
            return Idle;
        }

        var now = time.GetUtcNow();
        if (message.NextAttemptAt > now)
        {
            return message.NextAttemptAt - now;
        }

        var request = OcppPayloads.Read(message.Action, message.Payload);
        if (request is StopTransactionRequest or MeterValuesRequest && transaction.TransactionId is not { } transactionId)
        {
            // Its StartTransaction was given up: the backend knows no such transaction.
            await store.CompleteAsync(message.Id, transaction.Id, null, cancellationToken);
            await GiveUpAsync(message, transaction, "its StartTransaction was never processed by the backend", cancellationToken);
            return null;
        }

        request = request switch
        {
            StopTransactionRequest stop => stop with { TransactionId = transaction.TransactionId!.Value },
            MeterValuesRequest values => values with { TransactionId = transaction.TransactionId!.Value },
            _ => request,
        };

        object answer;
        try
        {
            answer = await link.CallAnyAsync(request, whilePending: false, cancellationToken);
        }
        catch (OcppConnectionClosedException)
        {
            return null; // not an attempt: it waits for the next connection
        }
        catch (Exception ex) when (ex is OcppCallErrorException or TimeoutException or OcppProtocolException)
        {
            if (!link.IsAccepted && ex is TimeoutException)
            {
                return null;
            }

            await FailedAsync(message, transaction, ex.Message, cancellationToken);
            return null;
        }

        await CompleteAsync(message, transaction, answer, cancellationToken);
        return null;
    }

    private async Task CompleteAsync(OcppOutboxRow message, OcppTransactionRow transaction, object answer, CancellationToken cancellationToken)
    {
        switch (answer)
        {
            case StartTransactionResponse started:
                await store.CompleteAsync(message.Id, transaction.Id, row =>
                {
                    row.TransactionId = started.TransactionId;
                    row.StartStatus = started.IdTagInfo.Status.ToString();
                }, cancellationToken);
                await authorizer.RememberAsync(transaction.IdTag, started.IdTagInfo, cancellationToken);
                tracker.StartAnswered(transaction.Id, started.TransactionId, started.IdTagInfo);
                break;
            case StopTransactionResponse { IdTagInfo: { } info }:
                await store.CompleteAsync(message.Id, transaction.Id, null, cancellationToken);
                await authorizer.RememberAsync(transaction.IdTag, info, cancellationToken);
                break;
            default:
                await store.CompleteAsync(message.Id, transaction.Id, null, cancellationToken);
                break;
        }
    }

    private async Task FailedAsync(OcppOutboxRow message, OcppTransactionRow transaction, string reason, CancellationToken cancellationToken)
    {
        var config = settings.Current.Get<OcppChargePointSettings>();
        var attempts = message.Attempts + 1;
        OcppHostLog.TransactionMessageFailed(logger, message.Action, transaction.Id, attempts, config.TransactionMessageAttempts, reason);
        if (attempts >= config.TransactionMessageAttempts)
        {
            await store.CompleteAsync(message.Id, transaction.Id, null, cancellationToken);
            await GiveUpAsync(message, transaction, $"the backend did not process it in {attempts} attempts ({reason})", cancellationToken);
            return;
        }

        var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(config.TransactionMessageRetryIntervalSeconds * (double)attempts);
        await store.FailedAsync(message.Id, attempts, retryAt, cancellationToken);
    }

    private async Task GiveUpAsync(OcppOutboxRow message, OcppTransactionRow transaction, string why, CancellationToken cancellationToken)
    {
        try
        {
            await events.WarningAsync(CsmsLink.EventSource, FormattableString.Invariant(
                $"The {message.Action} of the transaction at connector {transaction.ConnectorId} ({transaction.ChargePoint}, started {transaction.StartedAt:yyyy-MM-dd HH:mm:ss} UTC) was given up: {why}."), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(logger, "the event log", ex);
        }
    }

    /// <summary>Waits <paramref name="delay"/>, or less when a message is queued or the link's registration changes.</summary>
    private async Task WaitAsync(TimeSpan delay, Task queued, long registration, CancellationToken cancellationToken)
    {
        var linked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = link.Session.Subscribe(_ => linked.TrySetResult());
        if (link.Session.Version != registration)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(delay, time, stop.Token), queued, linked.Task);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
