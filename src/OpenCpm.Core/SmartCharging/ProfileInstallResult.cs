namespace OpenCpm.Core.SmartCharging;

/// <summary>The outcome of installing a profile: the new set and what it replaced, or why it was refused (the set unchanged).</summary>
public sealed record ProfileInstallResult(ChargingProfileSet Set, InstalledChargingProfile? Installed, IReadOnlyList<InstalledChargingProfile> Replaced, string? Rejection)
{
    public bool Accepted => Rejection is null;
}
