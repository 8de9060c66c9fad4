using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Transfers;

namespace OpenCpm.Diagnostics;

/// <summary>
/// GetLog (security whitepaper): DiagnosticsLog is the archive GetDiagnostics uploads, SecurityLog the event log
/// entries of <see cref="SecurityEvents.Source"/> as CSV in a ZIP, both for oldestTimestamp…latestTimestamp. Answered
/// Accepted with the file name — AcceptedCanceled when an upload was under way (it is cancelled), Rejected when the
/// location is not an absolute URL —, then uploaded with the retries; LogStatusNotification (with the requestId) tells
/// Uploading, then Uploaded, or PermissionDenied (HTTP 401/403, a refused FTP login or store), BadMessage (HTTP 400), NotSupportedOperation (sftp or
/// another scheme), UploadFailure (anything else).
/// </summary>
internal sealed class LogUploads(
    LogArchive archive,
    ArchiveUploader uploader,
    TransferStatusSender sender,
    EventLog events,
    IHostApplicationLifetime lifetime,
    ILogger<LogUploads> logger)
{
    private const string What = "GetLog";

    private readonly Lock _lock = new();
    private Running? _running;

    /// <summary>The requestId of the upload under way; null when none is.</summary>
    public int? UploadingRequestId
    {
        get
        {
            lock (_lock)
            {
                return _running is { Task.IsCompleted: false } running ? running.RequestId : null;
            }
        }
    }

    public GetLogResponse Start(GetLogRequest request, Task replySent)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TransferLocation.TryParse(request.Log.RemoteLocation, out var location, out var problem) && problem!.Failure == TransferFailure.BadLocation)
        {
            TransferLog.Failed(logger, What, problem.Reason);
            return new GetLogResponse { Status = LogStatus.Rejected };
        }

        var security = request.LogType == LogType.SecurityLog;
        var fileName = security ? archive.SecurityLogFileName : archive.FileName;
        var period = new LogPeriod(request.Log.OldestTimestamp, request.Log.LatestTimestamp);
        var retries = TransferRetries.From(request.Retries, request.RetryInterval);
        bool canceled;
        lock (_lock)
        {
            var previous = _running;
            canceled = previous is { Task.IsCompleted: false };
            Cancel(previous);
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            Func<CancellationToken, Task> work = location is null
                ? ct => FailAsync(request.RequestId, problem!, ct)
                : ct => UploadAsync(request.RequestId, location, fileName, security, period, retries, ct);
            _running = new Running(request.RequestId, cancel, RunAsync(previous?.Task ?? Task.CompletedTask, replySent, work, cancel));
        }

        if (canceled)
        {
            TransferLog.Step(logger, What, $"the upload under way was cancelled for request {request.RequestId}");
        }

        return new GetLogResponse { Status = canceled ? LogStatus.AcceptedCanceled : LogStatus.Accepted, Filename = fileName };
    }

    /// <summary>ExtendedTriggerMessage LogStatusNotification: Uploading (with its requestId) while an upload runs, else Idle.</summary>
    public Task SendCurrentStatusAsync(CancellationToken cancellationToken)
    {
        var id = UploadingRequestId;
        var status = id is null ? UploadLogStatus.Idle : UploadLogStatus.Uploading;
        return sender.SendAsync(new LogStatusNotificationRequest { Status = status, RequestId = id }, status.ToString(), cancellationToken);
    }

    private async Task UploadAsync(
        int requestId, TransferLocation location, string fileName, bool security, LogPeriod period, TransferRetries retries, CancellationToken cancellationToken)
    {
        await NotifyAsync(UploadLogStatus.Uploading, requestId, cancellationToken);
        Func<Stream, CancellationToken, Task> write = security
            ? (stream, ct) => archive.WriteEventsOfAsync(stream, SecurityEvents.Source, period, ct)
            : (stream, ct) => archive.WriteAsync(stream, period, ct);
        var problem = await uploader.UploadAsync(What, location, fileName, write, retries, cancellationToken);
        if (problem is null)
        {
            TransferLog.Step(logger, What, $"{fileName} uploaded to {location.Shown} (request {requestId})");
            await events.InfoAsync(DiagnosticsUploads.EventSource, $"The {(security ? "security log" : "diagnostics log")} {fileName} was uploaded to {location.Shown} for the backend.", cancellationToken);
            await NotifyAsync(UploadLogStatus.Uploaded, requestId, cancellationToken);
            return;
        }

        await FailAsync(requestId, problem, cancellationToken);
    }

    private async Task FailAsync(int requestId, TransferProblem problem, CancellationToken cancellationToken)
    {
        TransferLog.Failed(logger, What, problem.Reason);
        await events.WarningAsync(DiagnosticsUploads.EventSource, $"The log the backend asked for (request {requestId}) was not uploaded: {problem.Reason}.", cancellationToken);
        var status = problem.Failure switch
        {
            TransferFailure.PermissionDenied => UploadLogStatus.PermissionDenied,
            TransferFailure.BadRequest => UploadLogStatus.BadMessage,
            TransferFailure.UnsupportedProtocol => UploadLogStatus.NotSupportedOperation,
            _ => UploadLogStatus.UploadFailure,
        };
        await NotifyAsync(status, requestId, cancellationToken);
    }

    private Task<bool> NotifyAsync(UploadLogStatus status, int requestId, CancellationToken cancellationToken) =>
        sender.SendAsync(new LogStatusNotificationRequest { Status = status, RequestId = requestId }, status.ToString(), cancellationToken);

    /// <summary>After the cancelled upload before it has stopped and the answer is on the wire.</summary>
    private async Task RunAsync(Task previous, Task replySent, Func<CancellationToken, Task> work, CancellationTokenSource cancel)
    {
        try
        {
            await previous;
            await replySent;
            await work(cancel.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            TransferLog.StepFailed(logger, What, e);
        }
        finally
        {
            cancel.Dispose();
        }
    }

    private static void Cancel(Running? running)
    {
        try
        {
            running?.Cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // it ended meanwhile
        }
    }

    private sealed record Running(int RequestId, CancellationTokenSource Cancel, Task Task);
}
