using OpenCpm.Core.Sessions;

namespace OpenCpm.Data;

/// <summary>
/// One OCPP transaction toward the backend: the local handle (<see cref="Id"/>) the outbox refers to, the backend's
/// transactionId once StartTransaction is answered, and how it ended. At most one per charge point is running.
/// </summary>
internal sealed class OcppTransactionRow
{
    public long Id { get; set; }

    public required string ChargePoint { get; set; }

    public int ConnectorId { get; set; }

    /// <summary>The charging session (<see cref="SessionRow"/>) the transaction belongs to.</summary>
    public long SessionId { get; set; }

    public required string IdTag { get; set; }

    public double MeterStartWh { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The backend's transactionId; null until StartTransaction is answered (or when it was given up).</summary>
    public int? TransactionId { get; set; }

    /// <summary>The idTagInfo status of the StartTransaction answer (Accepted, Invalid…); null until answered.</summary>
    public string? StartStatus { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public double? MeterStopWh { get; set; }

    public StopReason? StopReason { get; set; }

    /// <summary>Clock-aligned readings kept for StopTransaction's transactionData (StopTxnAlignedData), as a JSON array of MeterValue.</summary>
    public string? AlignedData { get; set; }
}
