using OpenCpm.Data;
using Serilog.Events;

namespace OpenCpm.Maintenance;

/// <summary>
/// DEBUG logging for a chosen time (manual 8.2.1, Log Level): the host log switches to Debug and back to its
/// configured level by itself when the time is up, so a forgotten diagnosis never fills the disk.
/// </summary>
internal sealed class DebugLogging(HostLogging logging, TimeProvider time, EventLog events, ILogger<DebugLogging> logger) : IDisposable
{
    public const string EventSource = "logging";

    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset? _until;

    public LogLevelStatus Status
    {
        get
        {
            lock (_lock)
            {
                return new LogLevelStatus(logging.Switch.MinimumLevel.ToString(), logging.ConfiguredLevel.ToString(), _until);
            }
        }
    }

    /// <summary>Debug from now for <paramref name="duration"/> (1 minute to 24 hours); null with the reason when refused.</summary>
    public async Task<string?> EnableAsync(TimeSpan duration, string actor, CancellationToken cancellationToken)
    {
        if (duration < TimeSpan.FromMinutes(1) || duration > MaxDuration)
        {
            return FormattableString.Invariant($"The DEBUG duration must be 1 to {MaxDuration.TotalMinutes:0} minutes but is {duration.TotalMinutes:0.##}.");
        }

        DateTimeOffset until;
        lock (_lock)
        {
            _timer?.Dispose();
            until = time.GetUtcNow() + duration;
            _until = until;
            logging.Switch.MinimumLevel = LogEventLevel.Debug;
            _timer = time.CreateTimer(_ => Revert(), null, duration, Timeout.InfiniteTimeSpan);
        }

        MaintenanceLog.DebugLoggingOn(logger, duration.TotalMinutes, until);
        await events.InfoAsync(EventSource, FormattableString.Invariant($"{actor} turned DEBUG logging on for {duration.TotalMinutes:0.##} min."), cancellationToken);
        return null;
    }

    public async Task DisableAsync(string actor, CancellationToken cancellationToken)
    {
        Revert();
        await events.InfoAsync(EventSource, $"{actor} turned DEBUG logging off.", cancellationToken);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Revert()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            if (_until is null)
            {
                return;
            }

            _until = null;
            logging.Switch.MinimumLevel = logging.ConfiguredLevel;
        }

        MaintenanceLog.DebugLoggingOff(logger, logging.ConfiguredLevel.ToString());
    }
}
