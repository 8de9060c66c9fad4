using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;

namespace OpenCpm.Updates;

/// <summary>
/// Installs signed update packages (manual 10.2) — uploaded in the web UI, found on a USB stick, or downloaded for an
/// OCPP UpdateFirmware: all go through <see cref="InstallAsync(string, string, string, CancellationToken)"/>. A package
/// is checked whole (<see cref="UpdatePackageReader"/>) and unpacked beside the running version; then <c>current</c>
/// is switched to it and the controller restarts. The new version must report healthy within the timeout
/// (<see cref="UpdateCommit"/>) or start at all within a few tries (<see cref="UpdateGuard"/>), else the previous
/// version is switched back. A refused package changes nothing.
/// </summary>
internal sealed class SoftwareUpdates(
    IConfiguration configuration, InstalledVersion installed, ControllerRestart restart, DeviceService devices, EventLog events, TimeProvider time, ILogger<SoftwareUpdates> logger)
    : IDisposable
{
    public const string EventSource = "update";

    private readonly SemaphoreSlim _installing = new(1, 1);

    public UpdateOptions Options { get; } = configuration.GetSection(UpdateOptions.Section).Get<UpdateOptions>() ?? new UpdateOptions();

    public InstallFolder? Folder => InstallFolder.Find(Options.InstallRoot, installed.ApplicationDirectory);

    public UpdateStatus Status()
    {
        var folder = Folder;
        return new UpdateStatus(
            installed.Version,
            folder is not null,
            folder?.Root,
            folder is null ? NotInstalled : null,
            folder?.Current,
            folder?.Previous,
            folder?.ReadState(),
            _installing.CurrentCount == 0,
            devices.Stations());
    }

    /// <summary>Installs the package in <paramref name="stream"/> (copied beside the versions first).</summary>
    public async Task<UpdateResult> InstallAsync(Stream stream, string source, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (Folder is not { } folder)
        {
            return await RefuseAsync(source, NotInstalled, cancellationToken);
        }

        Directory.CreateDirectory(folder.Root);
        var path = Path.Combine(folder.Root, $"incoming-{Guid.NewGuid():N}.ocpu");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await stream.CopyToAsync(file, cancellationToken);
            }

            return await InstallAsync(path, source, actor, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Checks and installs the package at <paramref name="packagePath"/>; on success the controller restarts into it.</summary>
    public async Task<UpdateResult> InstallAsync(string packagePath, string source, string actor, CancellationToken cancellationToken)
    {
        if (Folder is not { } folder)
        {
            return await RefuseAsync(source, NotInstalled, cancellationToken);
        }

        if (!await _installing.WaitAsync(0, cancellationToken))
        {
            return UpdateResult.Refused("Another update is being installed.");
        }

        string? staging = null;
        try
        {
            using var key = UpdateSignature.LoadKey(Options.PublicKeyPath);
            using var package = UpdatePackageReader.Open(File.OpenRead(packagePath), key);
            var version = package.Manifest.Version;
            if (UpdateVersion.Compare(version, installed.Version) <= 0)
            {
                return await RefuseAsync(source, $"The package holds version {version}; {installed.Version} is installed, so only a newer version is installed.", cancellationToken);
            }

            Directory.CreateDirectory(folder.VersionsPath);
            staging = Path.Combine(folder.VersionsPath, $".{version}.staging-{Guid.NewGuid():N}");
            await package.ExtractAsync(staging, cancellationToken);
            var target = folder.VersionPath(version);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true); // a copy left by an update that did not succeed
            }

            Directory.Move(staging, target);
            staging = null;
            var now = time.GetUtcNow();
            folder.WriteState(new UpdateState
            {
                Stage = UpdateStage.Pending,
                From = folder.Current ?? installed.Version,
                To = version,
                Source = source,
                At = now,
                Deadline = now.AddSeconds(Options.HealthTimeoutSeconds),
                MaxAttempts = Options.MaxStartAttempts,
            });
            folder.SwitchTo(version);
            MaintenanceLog.Update(logger, $"version {version} installed from {source}; restarting into it");
            await events.InfoAsync(EventSource, $"OpenCPM {version} was installed from {source}{(actor == source ? "" : " by " + actor)}; the controller restarts into it and goes back to {installed.Version} unless it reports healthy within {Options.HealthTimeoutSeconds} s.", cancellationToken);
            restart.Request($"software update to {version}");
            return new UpdateResult(true, version, $"Version {version} is installed; the controller restarts into it now.");
        }
        catch (UpdatePackageException e)
        {
            return await RefuseAsync(source, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await RefuseAsync(source, $"The package could not be installed: {e.Message}", cancellationToken);
        }
        finally
        {
            if (staging is not null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            _installing.Release();
        }
    }

    public void Dispose() => _installing.Dispose();

    private string NotInstalled =>
        $"Updates need an installation with versions/ and a current link; this controller runs from {installed.ApplicationDirectory} (set Update:InstallRoot, docs/provisioning.md).";

    private async Task<UpdateResult> RefuseAsync(string source, string reason, CancellationToken cancellationToken)
    {
        MaintenanceLog.UpdateFailed(logger, reason);
        await events.WarningAsync(EventSource, $"An update package ({source}) was refused, nothing was changed: {reason}", cancellationToken);
        return UpdateResult.Refused(reason);
    }
}
