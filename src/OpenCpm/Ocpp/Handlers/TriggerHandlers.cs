using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// TriggerMessage (RemoteTrigger profile): answered first, then the message is sent — BootNotification, Heartbeat,
/// StatusNotification (a connector, or without one connector 0 and all), MeterValues (likewise). A connector that
/// does not exist is Rejected; DiagnosticsStatusNotification and FirmwareStatusNotification tell the upload or update
/// under way, else Idle (1.6 errata: Idle only in answer to a trigger).
/// </summary>
internal sealed class TriggerHandlers(
    CsmsLink link,
    StatusReporter statuses,
    MeterValuesReporter meterValues,
    Firmware.FirmwareUpdates firmware,
    Diagnostics.DiagnosticsUploads diagnostics,
    SettingsService settings,
    IHostApplicationLifetime lifetime,
    ILogger<TriggerHandlers> logger) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<TriggerMessageRequest, TriggerMessageResponse>((request, context) => ValueTask.FromResult(Trigger(request, context)));
    }

    private TriggerMessageResponse Trigger(TriggerMessageRequest request, OcppCallContext context)
    {
        var connectors = new OcppConnectors(settings.Current.Site).Count;
        if (TriggeredMessages.NamesUnknownConnector(request.ConnectorId, connectors))
        {
            return Answer(TriggerMessageStatus.Rejected);
        }

        Func<Task>? send = request.RequestedMessage switch
        {
            MessageTrigger.BootNotification => () => { link.TriggerBoot(); return Task.CompletedTask; },
            MessageTrigger.Heartbeat => () => { link.TriggerHeartbeat(); return Task.CompletedTask; },
            MessageTrigger.StatusNotification => () => { statuses.Trigger(request.ConnectorId); return Task.CompletedTask; },
            MessageTrigger.MeterValues => () => meterValues.SendTriggeredAsync(request.ConnectorId, lifetime.ApplicationStopping),
            MessageTrigger.FirmwareStatusNotification => () => firmware.SendCurrentStatusAsync(lifetime.ApplicationStopping),
            MessageTrigger.DiagnosticsStatusNotification => () => diagnostics.SendCurrentStatusAsync(lifetime.ApplicationStopping),
            _ => null,
        };
        if (send is null)
        {
            return Answer(TriggerMessageStatus.NotImplemented);
        }

        _ = TriggeredMessages.SendAfterAnswerAsync(context.ReplySent, send, logger, "a triggered message");
        return Answer(TriggerMessageStatus.Accepted);
    }

    private static TriggerMessageResponse Answer(TriggerMessageStatus status) => new() { Status = status };
}
