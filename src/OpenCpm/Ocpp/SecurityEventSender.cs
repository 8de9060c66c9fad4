using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>
/// Delivers the queued security events as SecurityEventNotification, oldest first, whenever the backend has accepted
/// the registration (whitepaper: security events are queued while the link is down). A CALLERROR or a missing answer
/// is retried after TransactionMessageRetryInterval × the attempts so far and given up after TransactionMessageAttempts;
/// a broken connection is no attempt. At start, when the backend connection is enabled, it raises StartupOfTheDevice
/// (without a backend there is no one to tell, and the event log stays as it was).
/// </summary>
internal sealed class SecurityEventSender(
    CsmsLink link,
    SecurityEvents securityEvents,
    OcppSecurityEventStore queue,
    Settings.SettingsService settings,
    TimeProvider time,
    ILogger<SecurityEventSender> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    /// <summary>Raises StartupOfTheDevice while the host starts (after the migration, before anything is served; backend enabled), then runs.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await settings.LoadAsync(cancellationToken);
            if (settings.Current.Get<OcppBackendSettings>().Enabled)
            {
                await securityEvents.RaiseAsync(SecurityEvents.StartupOfTheDevice, $"OpenCPM started at {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(logger, "the start-up security event", ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queued = securityEvents.Queued.Next();
                var registration = link.Session.Version;
                if (await SendNextAsync(stoppingToken) is { } delay)
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
                OcppHostLog.StepFailed(logger, "the security event queue", ex);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Sends the oldest event if it may go now; how long to wait otherwise (null: go on at once).</summary>
    private async Task<TimeSpan?> SendNextAsync(CancellationToken cancellationToken)
    {
        if (!link.IsAccepted || await queue.HeadAsync(cancellationToken) is not { } head)
        {
            return Idle;
        }

        var now = time.GetUtcNow();
        if (head.NextAttemptAt > now)
        {
            return head.NextAttemptAt - now;
        }

        try
        {
            await link.CallAsync(new SecurityEventNotificationRequest { Type = head.Type, Timestamp = head.Timestamp, TechInfo = head.TechInfo }, cancellationToken);
        }
        catch (OcppConnectionClosedException)
        {
            return null;
        }
        catch (Exception ex) when (ex is OcppCallErrorException or TimeoutException or OcppProtocolException)
        {
            if (!link.IsAccepted && ex is TimeoutException)
            {
                return null;
            }

            var config = settings.Current.Get<OcppChargePointSettings>();
            var attempts = head.Attempts + 1;
            OcppHostLog.CallFailed(logger, "SecurityEventNotification", ex.Message);
            if (attempts >= config.TransactionMessageAttempts)
            {
                await queue.RemoveAsync(head.Id, cancellationToken);
                return null;
            }

            await queue.RetryLaterAsync(head.Id, attempts, now + TimeSpan.FromSeconds(config.TransactionMessageRetryIntervalSeconds * (double)attempts), cancellationToken);
            return null;
        }

        await queue.RemoveAsync(head.Id, cancellationToken);
        return null;
    }

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
