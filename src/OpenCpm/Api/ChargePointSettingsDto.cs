using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>
/// A charge point's installation and parameters (Chargepoint parameters of the manual). On PUT the id comes from
/// the path; <c>connectorId</c> 0 or absent keeps the current one or takes the next free one.
/// </summary>
internal sealed record ChargePointSettingsDto
{
    public string? Id { get; init; }

    public string? Serial { get; init; }

    public string? Address { get; init; }

    public int ConnectorId { get; init; }

    public StationDriverKind Driver { get; init; } = StationDriverKind.Keba;

    public string? DisplayName { get; init; }

    public string? Cluster { get; init; }

    public PhaseConnection Connection { get; init; } = PhaseConnection.ThreePhase;

    public PhaseRotation Rotation { get; init; } = PhaseRotation.L1L2L3;

    public Phase SinglePhase { get; init; } = Phase.L1;

    public double MaxCurrentA { get; init; } = 32;

    public double FailsafeCurrentA { get; init; }

    public double? UnbalancedLoadLimitA { get; init; }

    public bool PermanentlyLockedSocket { get; init; }

    public static ChargePointSettingsDto From(ChargePointInstallation c) => new()
    {
        Id = c.Id,
        Serial = c.Serial,
        Address = c.Address,
        ConnectorId = c.ConnectorId,
        Driver = c.Driver,
        DisplayName = c.DisplayName,
        Cluster = c.Settings.Cluster,
        Connection = c.Settings.Connection,
        Rotation = c.Settings.Rotation,
        SinglePhase = c.Settings.SinglePhase,
        MaxCurrentA = c.Settings.MaxCurrentA,
        FailsafeCurrentA = c.Settings.FailsafeCurrentA,
        UnbalancedLoadLimitA = c.Settings.UnbalancedLoadLimitA,
        PermanentlyLockedSocket = c.Settings.PermanentlyLockedSocket,
    };

    public ChargePointInstallation ToInstallation(string id) => new()
    {
        Settings = new ChargePointSettings
        {
            Id = id,
            Cluster = string.IsNullOrEmpty(Cluster) ? null : Cluster,
            Connection = Connection,
            Rotation = Rotation,
            SinglePhase = SinglePhase,
            MaxCurrentA = MaxCurrentA,
            FailsafeCurrentA = FailsafeCurrentA,
            UnbalancedLoadLimitA = UnbalancedLoadLimitA,
            PermanentlyLockedSocket = PermanentlyLockedSocket,
        },
        Serial = Serial,
        Address = Address,
        ConnectorId = ConnectorId,
        Driver = Driver,
        DisplayName = DisplayName,
    };
}
