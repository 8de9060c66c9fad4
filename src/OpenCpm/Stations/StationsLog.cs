namespace OpenCpm.Stations;

/// <summary>Log messages of the station drivers (event ids 3100–3199).</summary>
internal static partial class StationsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} is offline (nothing heard for {Seconds} s)")]
    public static partial void WentOffline(ILogger logger, string chargePointId, double seconds);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Charge point {ChargePointId} is online")]
    public static partial void CameOnline(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Charge point {ChargePointId}: '{Command}' got {Outcome}")]
    public static partial void CommandFailed(ILogger logger, string chargePointId, string command, string outcome);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Charge point {ChargePointId} is a {Product} (serial {Serial}, {Firmware})")]
    public static partial void Identified(ILogger logger, string chargePointId, string product, string serial, string firmware);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Charge point {ChargePointId}: polling failed")]
    public static partial void PollFailed(ILogger logger, string chargePointId, Exception exception);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information,
        Message = "Charge point {ChargePointId} offers {UserMilliA} mA (enable user {EnableUser}) instead of the commanded {CommandedMilliA} mA (reboot, unplug reset or another client); commanding it again")]
    public static partial void LimitLost(ILogger logger, string chargePointId, int userMilliA, int enableUser, int commandedMilliA);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Station discovery failed: {Reason}")]
    public static partial void DiscoveryFailed(ILogger logger, string reason);
}
