namespace OpenCpm.Data;

/// <summary>One backend reservation in force (<see cref="Authorization.ReservationStore"/>).</summary>
internal sealed class ReservationRow
{
    /// <summary>The reservationId the backend gave.</summary>
    public int Id { get; set; }

    /// <summary>Connector N toward the backend; 0 = any connector (one kept free for the idTag, placed anew at start).</summary>
    public int ConnectorId { get; set; }

    public required string IdTag { get; set; }

    public string? ParentIdTag { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
