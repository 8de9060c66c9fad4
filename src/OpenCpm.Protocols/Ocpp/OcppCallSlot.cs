namespace OpenCpm.Protocols.Ocpp;

/// <summary>The one outgoing CALL that may wait for its answer at a time, and the matching of answers to it by id.</summary>
internal sealed class OcppCallSlot
{
    private readonly Lock _lock = new();
    private OcppPendingCall? _pending;

    public OcppPendingCall Open(string messageId, OcppAction action)
    {
        var pending = new OcppPendingCall(messageId, action);
        lock (_lock)
        {
            _pending = pending;
        }

        return pending;
    }

    public void Close(OcppPendingCall pending)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_pending, pending))
            {
                _pending = null;
            }
        }
    }

    /// <summary>Hands a CALLRESULT or CALLERROR to the pending CALL with its id; false when no pending CALL has that id.</summary>
    public bool TryAnswer(OcppFrame answer)
    {
        lock (_lock)
        {
            return _pending?.MessageId == answer.MessageId && _pending.Answer.TrySetResult(answer);
        }
    }

    /// <summary>Fails the pending CALL, only the one with <paramref name="messageId"/> when given.</summary>
    public void Fail(Exception exception, string? messageId = null)
    {
        lock (_lock)
        {
            if (_pending is { } pending && (messageId is null || pending.MessageId == messageId))
            {
                pending.Answer.TrySetException(exception);
            }
        }
    }
}
