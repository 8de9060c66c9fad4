namespace OpenCpm.Ocpp;

/// <summary>Tells the outbox's sender that a message was queued (so it need not poll the database).</summary>
internal sealed class OutboxSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake()
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            signal = _signal;
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Wake"/> after this call.</summary>
    public Task Next()
    {
        lock (_lock)
        {
            return _signal.Task;
        }
    }
}
