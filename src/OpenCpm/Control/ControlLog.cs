namespace OpenCpm.Control;

/// <summary>Log messages of the control loop (event ids 5000–5099).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(5000, LogLevel.Error, "A control cycle failed; the loop goes on with the next one")]
    public static partial void CycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(5001, LogLevel.Information, "Load management configured: {Count} charge points, site limit {MaxCurrentA} A per phase")]
    public static partial void Configured(ILogger logger, int count, double maxCurrentA);

    [LoggerMessage(5002, LogLevel.Warning, "Charge point {ChargePoint}: no driver for protocol {Driver} yet; it is treated as offline (its failsafe current stays reserved)")]
    public static partial void DriverUnavailable(ILogger logger, string chargePoint, string driver);

    [LoggerMessage(5003, LogLevel.Warning, "Charge point {ChargePoint}: the address \"{Address}\" is not an IP address; it is treated as offline")]
    public static partial void AddressMissing(ILogger logger, string chargePoint, string address);

    [LoggerMessage(5004, LogLevel.Error, "Charge point {ChargePoint}: its driver stopped with an error")]
    public static partial void DriverFailed(ILogger logger, string chargePoint, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "Charge point {ChargePoint}: setpoint {SetpointA} A not acknowledged ({Outcome}: {Reason})")]
    public static partial void SetpointNotAcknowledged(ILogger logger, string chargePoint, double setpointA, string outcome, string reason);

    [LoggerMessage(5006, LogLevel.Warning, "The meter settings were refused: {Reason}")]
    public static partial void MeterSettingsRefused(ILogger logger, string reason);

    [LoggerMessage(5007, LogLevel.Error, "The KEBA UDP port can't be opened ({Reason}); KEBA stations will show as offline with their failsafe current reserved")]
    public static partial void KebaEndpointUnavailable(ILogger logger, string reason);

    [LoggerMessage(5008, LogLevel.Warning, "Station discovery failed: {Reason}")]
    public static partial void DiscoveryFailed(ILogger logger, string reason);
}
