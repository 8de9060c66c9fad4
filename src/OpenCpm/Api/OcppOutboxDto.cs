namespace OpenCpm.Api;

/// <summary>One transaction message waiting for the backend (GET /api/v1/ocpp/outbox).</summary>
/// <param name="Id">Its place in the queue (sent in this order).</param>
/// <param name="Action">StartTransaction, StopTransaction or MeterValues.</param>
/// <param name="ConnectorId">The connector toward the backend.</param>
/// <param name="ChargePoint">The charge point id.</param>
/// <param name="Transaction">The local handle of the transaction.</param>
/// <param name="TransactionId">The backend's transactionId, once its StartTransaction was answered.</param>
/// <param name="Attempts">Sends the backend did not process.</param>
/// <param name="Queued">When it was queued.</param>
/// <param name="NextAttempt">Not sent again before this.</param>
internal sealed record OcppOutboxDto(long Id, string Action, int ConnectorId, string ChargePoint, long Transaction, int? TransactionId, int Attempts, DateTimeOffset Queued, DateTimeOffset NextAttempt);
