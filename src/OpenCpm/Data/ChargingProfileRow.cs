namespace OpenCpm.Data;

/// <summary>One installed OCPP charging profile (<see cref="SmartCharging.ChargingProfileStore"/>).</summary>
internal sealed class ChargingProfileRow
{
    /// <summary>The chargingProfileId, unique on the charge point.</summary>
    public int Id { get; set; }

    /// <summary>0 = the whole network, N = connector N toward the backend.</summary>
    public int ConnectorId { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>The profile as the backend sent it (OCPP 1.6 ChargingProfile JSON; a TxProfile with its transactionId).</summary>
    public required string ProfileJson { get; set; }
}
