namespace OpenCpm.Data;

/// <summary>A security event waiting to be sent to the backend as SecurityEventNotification (<see cref="Ocpp.SecurityEventSender"/>), oldest first.</summary>
internal sealed class OcppSecurityEventRow
{
    public long Id { get; set; }

    public required string Type { get; set; }

    public string? TechInfo { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>How many times the backend answered it with a CALLERROR or not at all.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
}
