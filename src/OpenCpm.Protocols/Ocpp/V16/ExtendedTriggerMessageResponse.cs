namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ExtendedTriggerMessage.conf: the answer to <see cref="ExtendedTriggerMessageRequest"/>.</summary>
public sealed record ExtendedTriggerMessageResponse
{
    public required TriggerMessageStatus Status { get; init; }
}
