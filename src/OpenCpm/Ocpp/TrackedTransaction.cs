namespace OpenCpm.Ocpp;

/// <summary>A running OCPP transaction as the tracker follows it.</summary>
/// <param name="RowId">The local handle (the outbox refers to it; it stands in until the backend's id is known).</param>
/// <param name="ChargePoint">The charge point id.</param>
/// <param name="ConnectorId">Its connector toward the backend.</param>
/// <param name="SessionId">The charging session the transaction belongs to.</param>
/// <param name="IdTag">The idTag it runs under.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="MeterStartWh">The station's energy register at the start.</param>
internal sealed record TrackedTransaction(long RowId, string ChargePoint, int ConnectorId, long SessionId, string IdTag, DateTimeOffset StartedAt, double MeterStartWh)
{
    /// <summary>The backend's transactionId, once StartTransaction was answered.</summary>
    public int? TransactionId { get; init; }

    /// <summary>The backend did not accept the idTag and StopTransactionOnInvalidId is false: no energy, the transaction goes on.</summary>
    public bool SuspendedByInvalidId { get; init; }

    /// <summary>When the next sampled MeterValues is due (MeterValueSampleInterval after the start, and so on).</summary>
    public DateTimeOffset NextSampleAt { get; init; }
}
