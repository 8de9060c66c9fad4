namespace OpenCpm.Core.SmartCharging;

/// <summary>A profile installed on a connector (0 = the whole network) at <paramref name="InstalledAt"/>.</summary>
public sealed record InstalledChargingProfile(int ConnectorId, ChargingProfile Profile, DateTimeOffset InstalledAt);
