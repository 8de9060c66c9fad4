using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Data;

/// <summary>
/// A charge point as installed: who it is and how to reach it (serial, IP address, driver, its connector number
/// toward the OCPP backend) plus its load-management settings.
/// </summary>
internal sealed record ChargePointInstallation
{
    public required ChargePointSettings Settings { get; init; }

    public string Id => Settings.Id;

    public string? Serial { get; init; }

    /// <summary>The station's IP address (KEBA UDP); empty for stations that connect to us (OCPP).</summary>
    public string? Address { get; init; }

    /// <summary>Its connector number toward the OCPP backend, 1…N, unique on the site; 0 = assign the next free one.</summary>
    public int ConnectorId { get; init; }

    public StationDriverKind Driver { get; init; } = StationDriverKind.Keba;

    public string? DisplayName { get; init; }
}
