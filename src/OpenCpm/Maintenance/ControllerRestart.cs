namespace OpenCpm.Maintenance;

/// <summary>
/// Restarts the controller the clean way: the host stops (sessions saved, stations left at their failsafe) and the
/// process exits with <see cref="ExitCode"/>, which asks its supervisor to start it again (systemd:
/// <c>Restart=on-failure</c>; docs/provisioning.md). `opencpm demo`, which has no supervisor, starts itself again.
/// </summary>
internal sealed class ControllerRestart(IHostApplicationLifetime lifetime, ILogger<ControllerRestart> logger)
{
    /// <summary>EX_TEMPFAIL of sysexits.h: "try again".</summary>
    public const int ExitCode = 75;

    private string? _reason;

    /// <summary>Why a restart was asked for; null when none was.</summary>
    public string? Reason => Volatile.Read(ref _reason);

    public bool Requested => Reason is not null;

    public void Request(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            MaintenanceLog.RestartRequested(logger, reason, ExitCode);
        }

        // Not on the caller's thread: StopApplication runs the stopping callbacks where it is called, and a caller in
        // a web UI circuit would hold up the closing of that very circuit (and the whole stop with it).
        _ = Task.Run(lifetime.StopApplication);
    }
}
