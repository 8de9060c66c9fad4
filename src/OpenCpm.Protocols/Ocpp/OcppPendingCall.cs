namespace OpenCpm.Protocols.Ocpp;

/// <summary>The one outgoing CALL waiting for its answer.</summary>
internal sealed class OcppPendingCall(string messageId, OcppAction action)
{
    public string MessageId { get; } = messageId;

    public OcppAction Action { get; } = action;

    public TaskCompletionSource<OcppFrame> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
