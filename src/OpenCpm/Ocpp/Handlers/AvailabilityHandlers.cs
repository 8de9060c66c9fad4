using OpenCpm.Core.Sessions;
using OpenCpm.Maintenance;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;
using OpenCpm.Stations;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// ChangeAvailability (<see cref="OcppAvailability"/>) and Reset. A Reset is answered first; then every running
/// transaction is stopped (reason SoftReset or HardReset, stored before anything else happens) and its charge stopped
/// at the station; once the outbox has delivered the StopTransactions (at most <see cref="DrainTimeout"/> while the
/// backend is connected; what is left is sent after the restart) a Soft reset reconnects with a new BootNotification
/// while a Hard reset restarts the controller through the host (<see cref="ControllerRestart"/>). Either raises the
/// security event ResetOrReboot (queued, so it reaches the backend after the reconnect or restart).
/// </summary>
internal sealed class AvailabilityHandlers(
    SettingsService settings,
    OcppAvailability availability,
    TransactionTracker tracker,
    ChargePointCommands commands,
    CsmsLink link,
    ControllerRestart restart,
    Data.OcppTransactionStore store,
    SecurityEvents securityEvents,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AvailabilityHandlers> logger) : IOcppHandlers
{
    /// <summary>How long a Hard reset waits for the outbox to empty before the restart.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<ChangeAvailabilityRequest, ChangeAvailabilityResponse>(ChangeAvailabilityAsync);
        router.On<ResetRequest, ResetResponse>((request, context) => ValueTask.FromResult(Reset(request, context)));
    }

    private async ValueTask<ChangeAvailabilityResponse> ChangeAvailabilityAsync(ChangeAvailabilityRequest request, OcppCallContext context)
    {
        var running = tracker.Running.Current;
        var status = await availability.ChangeAsync(
            new OcppConnectors(settings.Current.Site), request.ConnectorId, request.Type == AvailabilityType.Operative, running.ContainsKey, context.CancellationToken);
        return new ChangeAvailabilityResponse { Status = status ?? AvailabilityStatus.Rejected };
    }

    private ResetResponse Reset(ResetRequest request, OcppCallContext context)
    {
        _ = ResetAsync(context.ReplySent, request.Type);
        return new ResetResponse { Status = ResetStatus.Accepted };
    }

    private async Task ResetAsync(Task replySent, ResetType type)
    {
        var reason = type == ResetType.Hard ? StopReason.HardReset : StopReason.SoftReset;
        try
        {
            await replySent.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var stopping = lifetime.ApplicationStopping;
            await securityEvents.RaiseAsync(SecurityEvents.ResetOrReboot, $"{type} reset asked by the backend", stopping);
            var charging = tracker.Running.Current.Keys.ToList();
            OcppHostLog.Note(logger, $"{type} reset asked by the backend: {charging.Count} transaction(s) stop");
            await tracker.StopAllAsync(reason, stopping);
            foreach (var chargePoint in charging)
            {
                await commands.RunAsync(chargePoint, ChargePointAction.Stop, null, reason, stopping);
            }

            await DrainAsync(stopping);
            if (type == ResetType.Hard)
            {
                restart.Request("the OCPP backend asked for a hard reset");
            }
            else
            {
                link.Reconnect(boot: true);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            OcppHostLog.StepFailed(logger, "a reset", ex);
        }
    }

    /// <summary>Waits until the outbox is empty, the link is down, or <see cref="DrainTimeout"/> has passed.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + DrainTimeout;
        while (link.IsAccepted && time.GetUtcNow() < until && await store.CountAsync(cancellationToken) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }
}
