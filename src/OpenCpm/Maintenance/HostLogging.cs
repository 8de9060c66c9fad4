using Serilog.Core;
using Serilog.Events;

namespace OpenCpm.Maintenance;

/// <summary>
/// The host log as configured at start: the level switch every log entry passes (raised to Debug for a while by
/// <see cref="DebugLogging"/>), the level the settings asked for, and the folder of the rolling log files.
/// </summary>
internal sealed record HostLogging(LoggingLevelSwitch Switch, LogEventLevel ConfiguredLevel, string Folder)
{
    public const string FolderName = "logs";

    /// <summary>Daily files <c>opencpm-YYYYMMDD.log</c> (Serilog adds the date), 14 kept, at most 10 MB each.</summary>
    public const string FilePattern = "opencpm-.log";

    public const int RetainedFiles = 14;

    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static HostLogging For(string dataDirectory, string? configuredLevel) =>
        Enum.TryParse<LogEventLevel>(configuredLevel, ignoreCase: true, out var level)
            ? new(new LoggingLevelSwitch(level), level, Path.Combine(dataDirectory, FolderName))
            : new(new LoggingLevelSwitch(LogEventLevel.Information), LogEventLevel.Information, Path.Combine(dataDirectory, FolderName));
}
