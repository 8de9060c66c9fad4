namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>TriggerMessage.conf: the answer to <see cref="TriggerMessageRequest"/>.</summary>
public sealed record TriggerMessageResponse
{
    public required TriggerMessageStatus Status { get; init; }
}
