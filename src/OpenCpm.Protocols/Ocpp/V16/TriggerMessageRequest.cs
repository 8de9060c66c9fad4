namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>TriggerMessage.req (Central System → Charge Point, RemoteTrigger profile).</summary>
public sealed record TriggerMessageRequest : IOcppRequest<TriggerMessageResponse>
{
    public required MessageTrigger RequestedMessage { get; init; }

    public int? ConnectorId { get; init; }
}
