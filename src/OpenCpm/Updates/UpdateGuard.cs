using OpenCpm.Maintenance;

namespace OpenCpm.Updates;

/// <summary>
/// The first thing `opencpm run` does: while an update to the running version is pending, count this start; when the
/// new version has been started <see cref="UpdateState.MaxAttempts"/> times without reporting healthy (it crashed or
/// would not start), switch <c>current</c> back to the previous version and exit with the restart code. A version
/// that can't even run its own code is caught by the supervisor running this from <c>previous</c> (docs/provisioning.md).
/// </summary>
internal static class UpdateGuard
{
    /// <summary>The exit code to stop with (a rollback was made), or null to go on starting.</summary>
    public static int? BeforeStart(IReadOnlyList<string> hostArgs, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hostArgs);
        ArgumentNullException.ThrowIfNull(error);
        var installed = new InstalledVersion();
        if (InstallFolder.Find(Setting(hostArgs, "--Update:InstallRoot"), installed.ApplicationDirectory) is not { } folder
            || folder.ReadState() is not { Stage: UpdateStage.Pending } state
            || state.To != installed.Version)
        {
            return null;
        }

        if (state.Attempts < state.MaxAttempts && time.GetUtcNow() < state.Deadline)
        {
            folder.WriteState(state with { Attempts = state.Attempts + 1 });
            return null;
        }

        var reason = state.Attempts >= state.MaxAttempts
            ? FormattableString.Invariant($"version {state.To} did not come up in {state.Attempts} starts.")
            : $"version {state.To} did not report healthy before {state.Deadline:u}.";
        folder.SwitchTo(state.From);
        folder.WriteState(state with { Stage = UpdateStage.RolledBack, Reason = reason, Reported = false });
        error.WriteLine($"opencpm: {reason} Switched back to {state.From}; restarting.");
        return ControllerRestart.ExitCode;
    }

    private static string? Setting(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(name.Length + 1)..];
            }

            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count)
            {
                return args[i + 1];
            }
        }

        return Environment.GetEnvironmentVariable("Update__InstallRoot");
    }
}
