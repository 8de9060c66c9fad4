namespace OpenCpm.Protocols.Ocpp;

/// <summary>What a handler of an incoming CALL knows besides the request.</summary>
public sealed class OcppCallContext
{
    private readonly TaskCompletionSource _replySent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal OcppCallContext(string messageId, OcppAction action, CancellationToken cancellationToken)
    {
        MessageId = messageId;
        Action = action;
        CancellationToken = cancellationToken;
    }

    public string MessageId { get; }

    public OcppAction Action { get; }

    /// <summary>Cancelled when the connection closes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Completes once the answer to this CALL is on the wire (fails if it could not be sent). The spec wants some
    /// follow-ups only after the answer — a triggered StatusNotification after TriggerMessage.conf, the actual start after
    /// RemoteStartTransaction.conf: start them with <c>_ = FollowUpAsync(context.ReplySent)</c> and await it there.
    /// </summary>
    public Task ReplySent => _replySent.Task;

    internal void MarkReplySent() => _replySent.TrySetResult();

    internal void MarkReplyFailed(Exception exception) => _replySent.TrySetException(exception);
}
