namespace OpenCpm.SmartCharging;

/// <summary>Log messages of OCPP smart charging (event ids 8300–8349).</summary>
internal static partial class SmartChargingLog
{
    [LoggerMessage(8300, LogLevel.Warning, "Stored charging profile {ProfileId} can't be read and is left out: {Reason}")]
    public static partial void UnreadableProfile(ILogger logger, int profileId, string reason);

    [LoggerMessage(8301, LogLevel.Information, "Charging profile {ProfileId} ({Purpose}, stack level {StackLevel}) installed on connector {ConnectorId}")]
    public static partial void Installed(ILogger logger, int profileId, string purpose, int stackLevel, int connectorId);

    [LoggerMessage(8302, LogLevel.Warning, "Charging profile {ProfileId} for connector {ConnectorId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, int profileId, int connectorId, string reason);

    [LoggerMessage(8303, LogLevel.Information, "Charging profiles {ProfileIds} removed ({Why})")]
    public static partial void Removed(ILogger logger, string profileIds, string why);

    [LoggerMessage(8304, LogLevel.Error, "Updating the charging profiles' limits failed; the last limits stay in force")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(8305, LogLevel.Debug, "Charging profile limits at {At:O}: network {SiteLimitA} A, {Bound} charge point(s) limited; next change {NextChangeAt:O}")]
    public static partial void LimitsChanged(ILogger logger, DateTimeOffset at, double? siteLimitA, int bound, DateTimeOffset? nextChangeAt);

    [LoggerMessage(8306, LogLevel.Error, "Installing the charging profile of the remote start on connector {ConnectorId} failed")]
    public static partial void RemoteStartProfileFailed(ILogger logger, int connectorId, Exception exception);
}
