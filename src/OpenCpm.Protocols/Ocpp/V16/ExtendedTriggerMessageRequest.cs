namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ExtendedTriggerMessage.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record ExtendedTriggerMessageRequest : IOcppRequest<ExtendedTriggerMessageResponse>
{
    public required ExtendedMessageTrigger RequestedMessage { get; init; }

    public int? ConnectorId { get; init; }
}
