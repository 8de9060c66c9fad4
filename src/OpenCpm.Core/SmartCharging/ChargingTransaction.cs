namespace OpenCpm.Core.SmartCharging;

/// <summary>The OCPP transaction running on a connector: its id and when it started (the origin of Relative schedules).</summary>
public sealed record ChargingTransaction(int TransactionId, DateTimeOffset StartedAt);
