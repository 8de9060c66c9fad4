using OpenCpm.Updates;

namespace OpenCpm.Firmware;

/// <summary>
/// After the restart that followed a firmware install: whether the version that runs is the one the backend's update
/// installed and its update was committed (<see cref="UpdateCommit"/> proves its health first), or it was rolled back,
/// or the installer never switched — read from the installer's state, never assumed.
/// </summary>
internal sealed class FirmwareInstallOutcome(SoftwareUpdates updates, InstalledVersion installed, TimeProvider time)
{
    /// <summary>How often the state is looked at while the new version's update is not committed yet.</summary>
    public static readonly TimeSpan CommitPollInterval = TimeSpan.FromSeconds(1);

    public async Task<(bool Installed, string Detail)> ReadAsync(FirmwareJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        while (true)
        {
            var state = updates.Folder?.ReadState();
            if (state is null || state.Source != FirmwareUpdates.UpdateSource || job.InstallStartedAt is not { } started || state.At < started)
            {
                return (false, "the installer did not switch to a new version");
            }

            switch (state.Stage)
            {
                case UpdateStage.Committed when state.To == installed.Version:
                    return (true, $"version {state.To} installed (from {state.From}) and running");
                case UpdateStage.RolledBack:
                    return (false, $"version {state.To} was rolled back to {state.From}: {state.Reason}");
                case UpdateStage.Pending when state.To == installed.Version:
                    await Task.Delay(CommitPollInterval, time, cancellationToken);
                    break;
                default:
                    return (false, $"version {state.To} is not the one running ({installed.Version})");
            }
        }
    }
}
