namespace OpenCpm.Authorization;

/// <summary>Log messages of card authorization (event ids 5300–5349).</summary>
internal static partial class AuthorizationLog
{
    [LoggerMessage(5300, LogLevel.Warning, "A card list change was saved but its line in the event log could not be written")]
    public static partial void AuditFailed(ILogger logger, Exception exception);

    [LoggerMessage(5301, LogLevel.Information, "Charge point {ChargePoint}: {Explanation}")]
    public static partial void Decided(ILogger logger, string chargePoint, string explanation);

    [LoggerMessage(5302, LogLevel.Warning, "Charge point {ChargePoint}: the authorization step failed; it is tried again")]
    public static partial void StepFailed(ILogger logger, string chargePoint, Exception exception);

    [LoggerMessage(5303, LogLevel.Warning, "The expired reservations could not be removed; tried again at the next change")]
    public static partial void ExpiryFailed(ILogger logger, Exception exception);

    [LoggerMessage(5304, LogLevel.Information, "Reservation {ReservationId} for connector {ConnectorId} ended: its station became {State} (OCPP 1.6 §5.13)")]
    public static partial void ReservationEnded(ILogger logger, int reservationId, int connectorId, string state);

    [LoggerMessage(5305, LogLevel.Warning, "The reservations of faulted or unavailable stations could not be ended; tried again at the next snapshot")]
    public static partial void EndingFailed(ILogger logger, Exception exception);
}
