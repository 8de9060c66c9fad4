namespace OpenCpm.Meter;

/// <summary>Log messages of the grid meter service (event ids 4200–4219).</summary>
internal static partial class GridMeterLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Grid meter settings applied: profile {ProfileId}, {Host}:{Port}, unit {UnitId}")]
    public static partial void SettingsApplied(ILogger logger, string? profileId, string? host, int port, byte unitId);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Grid meter state {Previous} -> {State}")]
    public static partial void StateChanged(ILogger logger, GridMeterState previous, GridMeterState state);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Grid meter read failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Grid meter profile problem: {Reason}")]
    public static partial void ProfileProblem(ILogger logger, string reason);
}
