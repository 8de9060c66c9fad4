namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Everything an operator configures for load management (load-management.md section 1): the grid connection,
/// its clusters and its charge points. Stored by the host, validated by <see cref="SiteSettingsValidator"/>.
/// </summary>
public sealed record SiteSettings
{
    /// <summary>The main fuse / contract: the most current per phase all charging together may take.</summary>
    public double MaxCurrentA { get; init; } = 32;

    /// <summary>The most active power all charge points together may take (null = no power limit).</summary>
    public double? MaxPowerW { get; init; }

    public double NominalVoltageV { get; init; } = 230;

    /// <summary>No vehicle is given less than this (IEC 61851: at least 6 A).</summary>
    public double MinChargingCurrentA { get; init; } = 6;

    /// <summary>Largest allowed difference between the most and least loaded phase caused by charging (null = none).</summary>
    public double? UnbalancedLoadLimitA { get; init; }

    /// <summary>How long an active charge may run before it yields to the head of the queue.</summary>
    public TimeSpan RotationPeriod { get; init; } = TimeSpan.FromMinutes(15);

    public bool ClustersEnabled { get; init; }

    /// <summary>Power all charging may take while the external meter is lost; null or 0 = stop charging.</summary>
    public double? MeterFallbackPowerW { get; init; }

    public IReadOnlyList<ClusterSettings> Clusters { get; init; } = [];

    public IReadOnlyList<ChargePointSettings> ChargePoints { get; init; } = [];
}
