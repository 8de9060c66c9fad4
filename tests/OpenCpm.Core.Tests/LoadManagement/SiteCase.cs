using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>A random site and a sequence of allocation cycles over it, for the property tests.</summary>
public sealed record SiteCase(SiteSettings Settings, IReadOnlyList<SiteCycle> Cycles)
{
    public override string ToString() =>
        $"site {Settings.MaxCurrentA} A min {Settings.MinChargingCurrentA} U {Settings.UnbalancedLoadLimitA} P {Settings.MaxPowerW} fallback {Settings.MeterFallbackPowerW} clusters {Settings.ClustersEnabled}:[{string.Join(", ", Settings.Clusters.Select(c => $"{c.Id} {c.MaxCurrentA}"))}] " +
        $"cps [{string.Join(", ", Settings.ChargePoints.Select(c => $"{c.Id} {c.Connection} {c.Rotation} {c.SinglePhase} max {c.MaxCurrentA} fs {c.FailsafeCurrentA} u {c.UnbalancedLoadLimitA} in {c.Cluster}"))}] " +
        $"{Cycles.Count} cycles";
}

/// <summary>One cycle: what every charge point reports, the site conditions, and how long after the previous one.</summary>
public sealed record SiteCycle(ChargePointDemand[] Demands, SiteConditions Site, int AdvanceSeconds, bool CommandedIsPrevious);
