namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Site settings compiled for fast allocation: arrays indexed by charge point, cluster indices resolved, and
/// the layout of the constraint rows (<see cref="ConstraintRows"/>). Rebuilt only when the settings change.
/// </summary>
internal sealed class SiteModel
{
    public SiteModel(SiteSettings settings)
    {
        Settings = settings;
        ChargePoints = [.. settings.ChargePoints];
        Clusters = settings.ClustersEnabled ? [.. settings.Clusters] : [];
        var clusterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < Clusters.Length; c++)
        {
            clusterIndex.TryAdd(Clusters[c].Id, c);
        }

        var n = ChargePoints.Length;
        ClusterOf = new int[n];
        MinA = new double[n];
        WiredGridPhases = new PhaseSet[n];
        WorstCasePairMask = new int[n];
        for (var i = 0; i < n; i++)
        {
            var cp = ChargePoints[i];
            ClusterOf[i] = cp.Cluster is { } id && clusterIndex.TryGetValue(id, out var c) ? c : -1;
            MinA[i] = ClusterOf[i] >= 0 ? Clusters[ClusterOf[i]].MinChargingCurrentA ?? settings.MinChargingCurrentA : settings.MinChargingCurrentA;
            WiredGridPhases[i] = cp.WiredGridPhases;
            WorstCasePairMask[i] = ConstraintRows.WorstCasePairMask(cp);
        }

        RowCount = ConstraintRows.ClusterRowBase + (3 * Clusters.Length);
    }

    public SiteSettings Settings { get; }

    public ChargePointSettings[] ChargePoints { get; }

    /// <summary>The clusters in effect (none while clusters are disabled).</summary>
    public ClusterSettings[] Clusters { get; }

    /// <summary>Cluster index per charge point, -1 when it is directly on the site.</summary>
    public int[] ClusterOf { get; }

    /// <summary>Minimum charging current per charge point (its cluster's or the site's).</summary>
    public double[] MinA { get; }

    public PhaseSet[] WiredGridPhases { get; }

    /// <summary>The unbalanced-load pairs a vehicle of unknown phases may raise at each charge point.</summary>
    public int[] WorstCasePairMask { get; }

    public int RowCount { get; }
}
