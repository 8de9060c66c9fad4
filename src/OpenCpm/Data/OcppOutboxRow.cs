namespace OpenCpm.Data;

/// <summary>
/// A transaction message (StartTransaction, StopTransaction, transaction MeterValues) waiting for the backend, in
/// order of <see cref="Id"/>. The payload is the request's JSON; the transactionId of a StopTransaction or MeterValues
/// is filled in from <see cref="OcppTransactionRow.TransactionId"/> when it is sent.
/// </summary>
internal sealed class OcppOutboxRow
{
    public long Id { get; set; }

    /// <summary>The <see cref="OcppTransactionRow.Id"/> the message belongs to.</summary>
    public long TransactionRowId { get; set; }

    public required string Action { get; set; }

    public required string Payload { get; set; }

    /// <summary>How many times it was sent and not processed (a CALLERROR or no answer).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not sent again before this (TransactionMessageRetryInterval × attempts after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
