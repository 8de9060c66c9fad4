namespace OpenCpm.Control;

/// <summary>Log messages of the control loop (event ids 5000–5099).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(5000, LogLevel.Error, "A control cycle failed; the loop goes on with the next one")]
    public static partial void CycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(5001, LogLevel.Information, "Load management configured: {Count} charge points, site limit {MaxCurrentA} A per phase")]
    public static partial void Configured(ILogger logger, int count, double maxCurrentA);

    [LoggerMessage(5002, LogLevel.Warning, "Charge point {ChargePoint} can't be driven: {Problem}; it is treated as offline (its failsafe current stays reserved)")]
    public static partial void DriverUnavailable(ILogger logger, string chargePoint, string problem);

    [LoggerMessage(5004, LogLevel.Error, "Charge point {ChargePoint}: its driver stopped with an error")]
    public static partial void DriverFailed(ILogger logger, string chargePoint, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "Charge point {ChargePoint}: setpoint {SetpointA} A not acknowledged ({Outcome}: {Reason})")]
    public static partial void SetpointNotAcknowledged(ILogger logger, string chargePoint, double setpointA, string outcome, string reason);

    [LoggerMessage(5006, LogLevel.Warning, "The meter settings were refused: {Reason}")]
    public static partial void MeterSettingsRefused(ILogger logger, string reason);

    [LoggerMessage(5007, LogLevel.Error, "The stored settings can't be taken in: {Reason} ({Consequence})")]
    public static partial void SettingsRefused(ILogger logger, string reason, string consequence);

    [LoggerMessage(5008, LogLevel.Information, "The settings are valid again: load management runs on them")]
    public static partial void SettingsAcceptedAgain(ILogger logger);
}
