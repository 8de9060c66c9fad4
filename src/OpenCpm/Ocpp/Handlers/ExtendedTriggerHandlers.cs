using OpenCpm.Ocpp.Certificates;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// ExtendedTriggerMessage (security whitepaper): answered first, then the message is sent — BootNotification, Heartbeat,
/// StatusNotification, MeterValues (as TriggerMessage) and SignChargePointCertificate (a new key pair and
/// SignCertificate), FirmwareStatusNotification (SignedFirmwareStatusNotification of the signed update under way, with its
/// requestId, else Idle) and LogStatusNotification (the GetLog upload under way, else Idle). A connector that does not
/// exist is Rejected.
/// </summary>
internal sealed class ExtendedTriggerHandlers(
    CsmsLink link,
    StatusReporter statuses,
    MeterValuesReporter meterValues,
    ChargePointCertificateSigning signing,
    Firmware.FirmwareUpdates firmware,
    Diagnostics.LogUploads logs,
    SettingsService settings,
    IHostApplicationLifetime lifetime,
    ILogger<ExtendedTriggerHandlers> logger) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>((request, context) => ValueTask.FromResult(Trigger(request, context)));
    }

    private ExtendedTriggerMessageResponse Trigger(ExtendedTriggerMessageRequest request, OcppCallContext context)
    {
        var connectors = new OcppConnectors(settings.Current.Site).Count;
        if (TriggeredMessages.NamesUnknownConnector(request.ConnectorId, connectors))
        {
            return Answer(TriggerMessageStatus.Rejected);
        }

        var stopping = lifetime.ApplicationStopping;
        Func<Task>? send = request.RequestedMessage switch
        {
            ExtendedMessageTrigger.BootNotification => () => { link.TriggerBoot(); return Task.CompletedTask; },
            ExtendedMessageTrigger.Heartbeat => () => { link.TriggerHeartbeat(); return Task.CompletedTask; },
            ExtendedMessageTrigger.StatusNotification => () => { statuses.Trigger(request.ConnectorId); return Task.CompletedTask; },
            ExtendedMessageTrigger.MeterValues => () => meterValues.SendTriggeredAsync(request.ConnectorId, stopping),
            ExtendedMessageTrigger.SignChargePointCertificate => () => signing.RequestAsync(stopping),
            ExtendedMessageTrigger.FirmwareStatusNotification => () => firmware.SendCurrentSignedStatusAsync(stopping),
            ExtendedMessageTrigger.LogStatusNotification => () => logs.SendCurrentStatusAsync(stopping),
            _ => null,
        };
        if (send is null)
        {
            return Answer(TriggerMessageStatus.NotImplemented);
        }

        _ = TriggeredMessages.SendAfterAnswerAsync(context.ReplySent, send, logger, "an extended triggered message");
        return Answer(TriggerMessageStatus.Accepted);
    }

    private static ExtendedTriggerMessageResponse Answer(TriggerMessageStatus status) => new() { Status = status };
}
