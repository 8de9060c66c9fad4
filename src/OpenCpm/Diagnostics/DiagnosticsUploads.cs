using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Transfers;

namespace OpenCpm.Diagnostics;

/// <summary>
/// GetDiagnostics (FirmwareManagement profile): the answer names the file, then the log archive (<see cref="LogArchive"/>,
/// the event log restricted to startTime…stopTime) is uploaded to the location with the request's retries, and
/// DiagnosticsStatusNotification tells Uploading, then Uploaded or UploadFailed. One upload at a time: a request while
/// one runs is answered without a file name (nothing is uploaded for it), as is one whose location can't be used
/// (a scheme other than http, https, ftp, ftps, or not a URL) — that one is also told UploadFailed, and the reason logged.
/// </summary>
internal sealed class DiagnosticsUploads(
    LogArchive archive,
    ArchiveUploader uploader,
    TransferStatusSender sender,
    EventLog events,
    IHostApplicationLifetime lifetime,
    ILogger<DiagnosticsUploads> logger)
{
    public const string EventSource = "backend";
    private const string What = "GetDiagnostics";

    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;

    /// <summary>Whether an upload is under way (what a triggered DiagnosticsStatusNotification says).</summary>
    public bool Uploading
    {
        get
        {
            lock (_lock)
            {
                return !_running.IsCompleted;
            }
        }
    }

    /// <summary>Starts the upload once <paramref name="replySent"/> completes; returns the file name to answer (null: none).</summary>
    public string? Start(GetDiagnosticsRequest request, Task replySent)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TransferLocation.TryParse(request.Location, out var location, out var problem))
        {
            TransferLog.Failed(logger, What, problem!.Reason);
            _ = AfterReplyAsync(replySent, ct => FailEarlyAsync(problem, ct));
            return null;
        }

        var fileName = archive.FileName;
        lock (_lock)
        {
            if (!_running.IsCompleted)
            {
                TransferLog.Failed(logger, What, $"another diagnostics upload is under way; the request for {location!.Shown} is answered without a file name");
                return null;
            }

            var period = new LogPeriod(request.StartTime, request.StopTime);
            var retries = TransferRetries.From(request.Retries, request.RetryInterval);
            _running = AfterReplyAsync(replySent, ct => UploadAsync(location!, fileName, period, retries, ct));
        }

        return fileName;
    }

    /// <summary>TriggerMessage DiagnosticsStatusNotification: Uploading while an upload runs, else Idle.</summary>
    public Task SendCurrentStatusAsync(CancellationToken cancellationToken)
    {
        var status = Uploading ? DiagnosticsStatus.Uploading : DiagnosticsStatus.Idle;
        return sender.SendAsync(new DiagnosticsStatusNotificationRequest { Status = status }, status.ToString(), cancellationToken);
    }

    private async Task UploadAsync(TransferLocation location, string fileName, LogPeriod period, TransferRetries retries, CancellationToken cancellationToken)
    {
        await NotifyAsync(DiagnosticsStatus.Uploading, cancellationToken);
        var problem = await uploader.UploadAsync(What, location, fileName, (stream, ct) => archive.WriteAsync(stream, period, ct), retries, cancellationToken);
        if (problem is null)
        {
            TransferLog.Step(logger, What, $"{fileName} uploaded to {location.Shown}");
            await events.InfoAsync(EventSource, $"The diagnostics {fileName} were uploaded to {location.Shown} for the backend.", cancellationToken);
            await NotifyAsync(DiagnosticsStatus.Uploaded, cancellationToken);
            return;
        }

        await FailEarlyAsync(problem, cancellationToken);
    }

    private async Task FailEarlyAsync(TransferProblem problem, CancellationToken cancellationToken)
    {
        TransferLog.Failed(logger, What, problem.Reason);
        await events.WarningAsync(EventSource, $"The diagnostics the backend asked for were not uploaded: {problem.Reason}.", cancellationToken);
        await NotifyAsync(DiagnosticsStatus.UploadFailed, cancellationToken);
    }

    private Task<bool> NotifyAsync(DiagnosticsStatus status, CancellationToken cancellationToken) =>
        sender.SendAsync(new DiagnosticsStatusNotificationRequest { Status = status }, status.ToString(), cancellationToken);

    private async Task AfterReplyAsync(Task replySent, Func<CancellationToken, Task> work)
    {
        try
        {
            await replySent;
            await work(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            TransferLog.StepFailed(logger, What, e);
        }
    }
}
