namespace OpenCpm.Ocpp;

/// <summary>Log messages of the controller's OCPP link to its backend (event ids 8100–8199). Never logs the authorization key.</summary>
internal static partial class OcppHostLog
{
    [LoggerMessage(8100, LogLevel.Information, "OCPP backend {Url}: registration {Status} (interval {IntervalS} s)")]
    public static partial void BootAnswered(ILogger logger, string url, string status, int intervalS);

    [LoggerMessage(8101, LogLevel.Warning, "OCPP backend {Url}: could not connect: {Reason}; next try in {DelayS:0.#} s")]
    public static partial void ConnectFailed(ILogger logger, string url, string reason, double delayS);

    [LoggerMessage(8102, LogLevel.Warning, "OCPP backend {Url}: the connection ended ({Reason})")]
    public static partial void ConnectionLost(ILogger logger, string url, string reason);

    [LoggerMessage(8103, LogLevel.Warning, "OCPP backend: the settings can't be used: {Reason}")]
    public static partial void SettingsUnusable(ILogger logger, string reason);

    [LoggerMessage(8104, LogLevel.Warning, "OCPP: {Action} was not answered: {Reason}")]
    public static partial void CallFailed(ILogger logger, string action, string reason);

    [LoggerMessage(8105, LogLevel.Warning, "OCPP outbox: {Action} of transaction {Transaction} failed to process ({Attempts} of {MaxAttempts} attempts): {Reason}")]
    public static partial void TransactionMessageFailed(ILogger logger, string action, long transaction, int attempts, int maxAttempts, string reason);

    [LoggerMessage(8106, LogLevel.Warning, "OCPP: a step of {Part} failed")]
    public static partial void StepFailed(ILogger logger, string part, Exception exception);

    [LoggerMessage(8107, LogLevel.Information, "OCPP transaction {Transaction} at connector {Connector} ({ChargePoint}) {What}")]
    public static partial void Transaction(ILogger logger, long transaction, int connector, string chargePoint, string what);

    [LoggerMessage(8108, LogLevel.Information, "OCPP: {What}")]
    public static partial void Note(ILogger logger, string what);
}
