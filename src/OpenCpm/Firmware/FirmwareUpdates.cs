using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Transfers;
using OpenCpm.Updates;

namespace OpenCpm.Firmware;

/// <summary>
/// The backend's firmware updates (UpdateFirmware, and SignedUpdateFirmware of the security whitepaper), persisted by
/// <see cref="FirmwareJobStore"/> before they are answered: at the retrieve time (a timer on the clock) the package is
/// downloaded over http(s) with the request's retries, a signed one's signature checked with its signing
/// certificate, and it is installed through <see cref="SoftwareUpdates.InstallAsync(string, string, string, CancellationToken)"/>,
/// the web UI's path (which checks the package's own signature, switches to it and restarts). Each step is told as
/// it happens (FirmwareStatusNotification, or SignedFirmwareStatusNotification with the requestId). Installed is told
/// only by the next start, once the new version runs and its update is committed; InstallationFailed when the
/// installer refused the package or the update was rolled back. One update at a time.
/// </summary>
internal sealed class FirmwareUpdates(
    FirmwareJobStore store,
    FileTransfer transfer,
    SoftwareUpdates updates,
    IManufacturerRootCertificates roots,
    SecurityEvents security,
    TransferStatusSender sender,
    FirmwareNotifier notifier,
    FirmwareInstallOutcome outcome,
    EventLog events,
    StorageOptions storage,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FirmwareUpdates> logger) : BackgroundService
{
    /// <summary>The source the installer records for updates the backend asked for (update-state.json, the event log).</summary>
    public const string UpdateSource = "OCPP";

    public const string Actor = "the backend";


    private readonly Lock _lock = new();
    private FirmwareRun? _run;
    private bool _outcomePending;

    /// <summary>
    /// Takes on a checked request: Accepted; AcceptedCanceled when it replaces one under way; Rejected while an
    /// installation is under way (it can't be cancelled). The work starts once <paramref name="replySent"/> completes.
    /// </summary>
    public async Task<UpdateFirmwareStatus> RequestAsync(FirmwareJob job, Task replySent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        FirmwareRun run;
        FirmwareRun? previous;
        lock (_lock)
        {
            previous = _run is { Running: true } ? _run : null;
            if (previous?.Status is SignedFirmwareStatus.Installing || _outcomePending)
            {
                TransferLog.Failed(logger, job.What, "an installation is under way; the request is refused");
                return UpdateFirmwareStatus.Rejected;
            }

            previous?.Cancel();
            run = new FirmwareRun(job, CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping));
            _run = run;
        }

        await store.SaveAsync(job, cancellationToken);
        run.Start(RunAsync(previous?.Task ?? Task.CompletedTask, replySent, run));
        TransferLog.Step(logger, job.What, $"accepted: {Shown(job.Location)} at {job.RetrieveAt:u}{(previous is null ? "" : $", replacing {previous.Job.What}")}");
        return previous is null ? UpdateFirmwareStatus.Accepted : UpdateFirmwareStatus.AcceptedCanceled;
    }

    /// <summary>SignedUpdateFirmware's certificate check: null when the signing certificate is trusted, else why not (the security event is raised).</summary>
    public async Task<string?> CheckSigningCertificateAsync(string pem, CancellationToken cancellationToken)
    {
        var problem = FirmwareSignature.CertificateProblem(pem, roots.ManufacturerRoots(), time.GetUtcNow());
        if (problem is not null)
        {
            TransferLog.Failed(logger, "SignedUpdateFirmware", problem);
            await security.RaiseAsync("InvalidFirmwareSigningCertificate", TechInfo(problem), cancellationToken);
            await events.WarningAsync(SoftwareUpdates.EventSource, $"A signed firmware update from the backend was refused: {problem}.", cancellationToken);
        }

        return problem;
    }

    /// <summary>TriggerMessage FirmwareStatusNotification: the step under way (Downloading, Downloaded, Installing), else Idle.</summary>
    public Task SendCurrentStatusAsync(CancellationToken cancellationToken)
    {
        var status = FirmwareNotifier.Legacy(CurrentStatus().Status) ?? FirmwareStatus.Idle;
        return sender.SendAsync(new FirmwareStatusNotificationRequest { Status = status }, status.ToString(), cancellationToken);
    }

    /// <summary>ExtendedTriggerMessage FirmwareStatusNotification: SignedFirmwareStatusNotification of the step under way (with its requestId), else Idle.</summary>
    public Task SendCurrentSignedStatusAsync(CancellationToken cancellationToken)
    {
        var (status, requestId) = CurrentStatus();
        var request = new SignedFirmwareStatusNotificationRequest { Status = status ?? SignedFirmwareStatus.Idle, RequestId = status is null ? null : requestId };
        return sender.SendAsync(request, request.Status.ToString(), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var job = await store.LoadAsync(stoppingToken);
        if (job is null)
        {
            return;
        }

        if (job.Stage == FirmwareJobStage.Installing)
        {
            await ReportOutcomeAsync(job, stoppingToken);
            return;
        }

        lock (_lock)
        {
            if (_run is not null)
            {
                return; // a newer request came first and replaced it
            }

            _run = new FirmwareRun(job, CancellationTokenSource.CreateLinkedTokenSource(stoppingToken));
            _run.Start(RunAsync(Task.CompletedTask, Task.CompletedTask, _run));
        }

        TransferLog.Step(logger, job.What, $"taken up again after a restart: {Shown(job.Location)} at {job.RetrieveAt:u}");
    }

    /// <summary>Lets the update under way stop (it is cancelled with the application) before the services it uses go.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task running;
        lock (_lock)
        {
            running = _run?.Task ?? Task.CompletedTask;
        }

        await running.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(Task previous, Task replySent, FirmwareRun run)
    {
        try
        {
            await previous;
            await replySent;
            await CarryOutAsync(run, run.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            TransferLog.StepFailed(logger, run.Job.What, e);
        }
    }

    private async Task CarryOutAsync(FirmwareRun run, CancellationToken cancellationToken)
    {
        var job = run.Job;
        var wait = job.RetrieveAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await StepAsync(run, SignedFirmwareStatus.DownloadScheduled, cancellationToken);
            await Task.Delay(wait, time, cancellationToken);
        }

        if (!TransferLocation.TryParse(job.Location, out var location, out var problem))
        {
            await FailAsync(run, SignedFirmwareStatus.DownloadFailed, problem!.Reason, cancellationToken);
            return;
        }

        var folder = Path.Combine(storage.DataDirectory, "firmware");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, job.Id + ".download");
        try
        {
            await StepAsync(run, SignedFirmwareStatus.Downloading, cancellationToken);
            var retries = TransferRetries.From(job.Retries, job.RetryIntervalSeconds);
            TransferLog.Step(logger, job.What, $"downloading {location!.Shown} ({retries.Attempts} attempts at most)");
            var failed = await retries.RunAsync(
                ct => transfer.DownloadAsync(location, path, ct),
                (attempt, p) => TransferLog.AttemptFailed(logger, job.What, attempt, retries.Attempts, p.Reason),
                time,
                cancellationToken);
            if (failed is not null)
            {
                await FailAsync(run, SignedFirmwareStatus.DownloadFailed, failed.Reason, cancellationToken);
                return;
            }

            await StepAsync(run, SignedFirmwareStatus.Downloaded, cancellationToken);
            if (job.Signed && !await VerifyAsync(run, path, cancellationToken))
            {
                return;
            }

            await InstallAsync(run, path, cancellationToken);
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException ex)
            {
                // The data folder went away under a stopping host (or the disk failed): nothing left to tidy.
                TransferLog.Failed(logger, job.What, $"the downloaded file could not be removed: {ex.Message}");
            }
        }
    }

    /// <summary>The signature over the downloaded file; then, when the backend gave an install time, waiting for it.</summary>
    private async Task<bool> VerifyAsync(FirmwareRun run, string path, CancellationToken cancellationToken)
    {
        var job = run.Job;
        string? problem;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
        {
            problem = FirmwareSignature.SignatureProblem(job.SigningCertificate ?? "", job.Signature ?? "", file);
        }

        if (problem is not null)
        {
            await security.RaiseAsync("InvalidFirmwareSignature", TechInfo(problem), cancellationToken);
            await FailAsync(run, SignedFirmwareStatus.InvalidSignature, problem, cancellationToken);
            return false;
        }

        await StepAsync(run, SignedFirmwareStatus.SignatureVerified, cancellationToken);
        var wait = job.InstallAt is { } at ? at - time.GetUtcNow() : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            await StepAsync(run, SignedFirmwareStatus.InstallScheduled, cancellationToken);
            await Task.Delay(wait, time, cancellationToken);
        }

        return true;
    }

    private async Task InstallAsync(FirmwareRun run, string path, CancellationToken cancellationToken)
    {
        var job = run.Job with { Stage = FirmwareJobStage.Installing, InstallStartedAt = time.GetUtcNow() };
        run.Job = job;
        await store.SaveAsync(job, cancellationToken);
        await StepAsync(run, SignedFirmwareStatus.Installing, cancellationToken);
        var result = await updates.InstallAsync(path, UpdateSource, Actor, cancellationToken);
        if (!result.Installed)
        {
            await FailAsync(run, SignedFirmwareStatus.InstallationFailed, result.Message, cancellationToken);
            return;
        }

        // The controller is restarting into the new version: its next start tells the backend how the update ended.
        await store.SaveAsync(job with { TargetVersion = result.Version }, CancellationToken.None);
        TransferLog.Step(logger, job.What, $"version {result.Version} installed; Installed is reported once it runs");
    }

    /// <summary>After the restart that followed an install: Installed once the new version runs committed, else InstallationFailed.</summary>
    private async Task ReportOutcomeAsync(FirmwareJob job, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _outcomePending = true;
        }

        try
        {
            var (ok, detail) = await outcome.ReadAsync(job, cancellationToken);
            var status = ok ? SignedFirmwareStatus.Installed : SignedFirmwareStatus.InstallationFailed;
            if (ok)
            {
                TransferLog.Step(logger, job.What, detail);
                await security.RaiseAsync("FirmwareUpdated", TechInfo(detail), cancellationToken);
            }
            else
            {
                TransferLog.Failed(logger, job.What, detail);
                await events.WarningAsync(SoftwareUpdates.EventSource, $"The firmware update the backend asked for failed: {detail}.", cancellationToken);
            }

            await notifier.TellAsync(job, status, waitForLink: true, cancellationToken);
            lock (_lock)
            {
                _outcomePending = false; // told: from now on the status is Idle (the stored request goes next, by its id)
            }

            await store.DeleteAsync(job.Id, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _outcomePending = false;
            }
        }
    }

    private async Task StepAsync(FirmwareRun run, SignedFirmwareStatus status, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            run.Status = status;
        }

        await notifier.TellAsync(run.Job, status, waitForLink: false, cancellationToken);
    }

    private async Task FailAsync(FirmwareRun run, SignedFirmwareStatus status, string reason, CancellationToken cancellationToken)
    {
        TransferLog.Failed(logger, run.Job.What, reason);
        await events.WarningAsync(SoftwareUpdates.EventSource, $"The firmware update the backend asked for ({Shown(run.Job.Location)}) failed, nothing was installed: {reason}.", cancellationToken);
        lock (_lock)
        {
            run.Ended = true;
            run.Status = null;
        }

        await notifier.TellAsync(run.Job, status, waitForLink: false, cancellationToken);

        await store.DeleteAsync(run.Job.Id, cancellationToken);
    }

    private (SignedFirmwareStatus? Status, int? RequestId) CurrentStatus()
    {
        lock (_lock)
        {
            if (_outcomePending)
            {
                return (SignedFirmwareStatus.Installing, null);
            }

            return _run is { Running: true } run ? (run.Status, run.Job.RequestId) : (null, null);
        }
    }

    /// <summary>SecurityEventNotification's techInfo holds 255 characters.</summary>
    private static string TechInfo(string text) => text.Length <= 255 ? text : text[..255];

    private static string Shown(string location) => TransferLocation.TryParse(location, out var parsed, out _) ? parsed!.Shown : Backend.BackendLinkStatus.WithoutUserInfo(location) ?? "";
}
