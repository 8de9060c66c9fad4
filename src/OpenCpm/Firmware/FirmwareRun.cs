using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Firmware;

/// <summary>The firmware update <see cref="FirmwareUpdates"/> is carrying out: its request, the step it is at, and how to cancel it.</summary>
internal sealed class FirmwareRun(FirmwareJob job, CancellationTokenSource cancel)
{
    private Task _task = Task.CompletedTask;
    private bool _started;

    public FirmwareJob Job { get; set; } = job;

    /// <summary>The step under way; null before the first and after the last.</summary>
    public SignedFirmwareStatus? Status { get; set; }

    public CancellationToken Token => cancel.Token;

    public Task Task => _task;

    /// <summary>Its last status is told (or being told): a new request does not cancel it.</summary>
    public bool Ended { get; set; }

    /// <summary>Not started yet counts as running; ended does not.</summary>
    public bool Running => !Ended && (!_started || !_task.IsCompleted);

    public void Start(Task task)
    {
        _task = task;
        _started = true;
    }

    public void Cancel()
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // it ended meanwhile
        }
    }
}
