using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCpm.Data;
using OpenCpm.Maintenance;

namespace OpenCpm.Updates;

/// <summary>
/// After an update, in the new version: once the controller's health checks (those of /healthz) pass, the update is
/// committed; if they don't pass before the deadline, <c>current</c> goes back to the previous version and the
/// controller restarts into it. The version that runs afterwards writes how the update ended to the event log.
/// </summary>
internal sealed class UpdateCommit(
    SoftwareUpdates updates, InstalledVersion installed, HealthCheckService health, ControllerRestart restart, EventLog events, TimeProvider time, ILogger<UpdateCommit> logger)
    : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (updates.Folder is not { } folder || folder.ReadState() is not { } state)
        {
            return;
        }

        if (state is { Stage: UpdateStage.Pending } && state.To == installed.Version)
        {
            await ProveAsync(folder, state, stoppingToken);
        }
        else if (!state.Reported && state.Stage == UpdateStage.RolledBack)
        {
            folder.WriteState(state with { Reported = true });
            await events.ErrorAsync(SoftwareUpdates.EventSource, $"The update from {state.From} to {state.To} was rolled back: {state.Reason} {installed.Version} runs again.", stoppingToken);
        }
    }

    private async Task ProveAsync(InstallFolder folder, UpdateState state, CancellationToken stoppingToken)
    {
        var last = "";
        while (true)
        {
            var report = await health.CheckHealthAsync(stoppingToken);
            if (report.Status == HealthStatus.Healthy)
            {
                folder.WriteState(state with { Stage = UpdateStage.Committed, Reported = true });
                MaintenanceLog.Update(logger, $"version {state.To} is healthy: update committed");
                await events.InfoAsync(SoftwareUpdates.EventSource, $"OpenCPM was updated from {state.From} to {state.To} ({state.Source}).", stoppingToken);
                return;
            }

            last = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}"));
            if (time.GetUtcNow() >= state.Deadline)
            {
                break;
            }

            await Task.Delay(CheckInterval, time, stoppingToken);
        }

        var seconds = (state.Deadline - state.At).TotalSeconds;
        var reason = FormattableString.Invariant($"version {state.To} did not report healthy within {seconds:0} s ({last}).");
        folder.SwitchTo(state.From);
        folder.WriteState(state with { Stage = UpdateStage.RolledBack, Reason = reason, Reported = false });
        MaintenanceLog.UpdateFailed(logger, reason);
        restart.Request($"rollback to {state.From}");
    }
}
