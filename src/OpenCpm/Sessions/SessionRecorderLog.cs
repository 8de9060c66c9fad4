namespace OpenCpm.Sessions;

/// <summary>Log messages of the session recorder (event ids 5100–5149).</summary>
internal static partial class SessionRecorderLog
{
    [LoggerMessage(5100, LogLevel.Error, "A session recording step failed; it is retried with the next one")]
    public static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(5101, LogLevel.Error, "Charge point {ChargePoint}: its session could not be recorded (database or station log); retrying every second until it can")]
    public static partial void StoreFailed(ILogger logger, string chargePoint, Exception exception);

    [LoggerMessage(5102, LogLevel.Information, "Charge point {ChargePoint}: sessions are saved again")]
    public static partial void StoreRecovered(ILogger logger, string chargePoint);

    [LoggerMessage(5103, LogLevel.Error, "The active sessions could not be read at start-up; retrying")]
    public static partial void LoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(5104, LogLevel.Information, "{Count} sessions were active when the controller stopped; they are reconciled with their stations")]
    public static partial void Reconciling(ILogger logger, int count);

    [LoggerMessage(5105, LogLevel.Information, "Charge point {ChargePoint}: session {SessionId} started (meter {MeterStartWh} Wh)")]
    public static partial void Started(ILogger logger, string chargePoint, long sessionId, double meterStartWh);

    [LoggerMessage(5106, LogLevel.Information, "Charge point {ChargePoint}: session {SessionId} ended ({StopReason}, {EnergyWh} Wh)")]
    public static partial void Ended(ILogger logger, string chargePoint, long sessionId, string stopReason, double energyWh);

    [LoggerMessage(5107, LogLevel.Information, "Charge point {ChargePoint}: the station went offline during session {SessionId}; the session stays active")]
    public static partial void WentOffline(ILogger logger, string chargePoint, long sessionId);
}
