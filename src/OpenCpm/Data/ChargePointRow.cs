using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Data;

/// <summary>One charge point: its installation (identity, driver) and its load-management settings.</summary>
internal sealed class ChargePointRow
{
    public required string Id { get; set; }

    public int Position { get; set; }

    public string? Serial { get; set; }

    public string? Address { get; set; }

    public int ConnectorId { get; set; }

    public StationDriverKind Driver { get; set; }

    public string? DisplayName { get; set; }

    public string? Cluster { get; set; }

    public PhaseConnection Connection { get; set; }

    public PhaseRotation Rotation { get; set; }

    public Phase SinglePhase { get; set; }

    public double MaxCurrentA { get; set; }

    public double FailsafeCurrentA { get; set; }

    public double? UnbalancedLoadLimitA { get; set; }

    public bool PermanentlyLockedSocket { get; set; }
}
