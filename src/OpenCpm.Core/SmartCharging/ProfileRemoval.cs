namespace OpenCpm.Core.SmartCharging;

/// <summary>A set after some profiles were taken out, and those taken out (empty = the set is unchanged).</summary>
public sealed record ProfileRemoval(ChargingProfileSet Set, IReadOnlyList<InstalledChargingProfile> Removed);
