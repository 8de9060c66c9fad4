using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Settings;

namespace OpenCpm.Web.Live;

/// <summary>
/// The last minutes of the site and each cluster (one <see cref="NodeSample"/> every <see cref="Resolution"/>), so
/// the Status page's chart has a past the moment it opens. Fed by the site snapshots the control loop publishes.
/// </summary>
internal sealed class SiteHistory(SiteSnapshots snapshots, SettingsService settings) : IHostedService, IDisposable
{
    public const string SiteNode = "site";

    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Span = TimeSpan.FromMinutes(5);

    private static readonly int Capacity = (int)(Span / Resolution);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<NodeSample>> _nodes = new(StringComparer.Ordinal);
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private IDisposable? _subscription;

    /// <summary>The samples of a node, oldest first (empty for an unknown node).</summary>
    public IReadOnlyList<NodeSample> Of(string node)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(node, out var samples) ? [.. samples] : [];
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = snapshots.Live.Subscribe(Record);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Record(SiteSnapshot site)
    {
        if (site.At is not { } at || at - _last < Resolution)
        {
            return;
        }

        _last = at;
        var limits = settings.Current.Site.Site;
        var charging = new Dictionary<string, PhaseCurrents>(StringComparer.Ordinal) { [SiteNode] = PhaseCurrents.Zero };
        foreach (var chargePoint in site.ChargePoints)
        {
            var grid = GridCurrents(chargePoint);
            charging[SiteNode] += grid;
            if (limits.ClustersEnabled && chargePoint.Installation.Settings.Cluster is { } cluster)
            {
                charging[cluster] = charging.GetValueOrDefault(cluster) + grid;
            }
        }

        var household = site.Meter.FreshReading is { } reading ? reading.CurrentA - charging[SiteNode] : (PhaseCurrents?)null;
        lock (_lock)
        {
            Add(SiteNode, new NodeSample(at, charging[SiteNode], limits.MaxCurrentA, household));
            foreach (var cluster in limits.ClustersEnabled ? limits.Clusters : [])
            {
                Add(cluster.Id, new NodeSample(at, charging.GetValueOrDefault(cluster.Id), cluster.MaxCurrentA, null));
            }
        }
    }

    private void Add(string node, NodeSample sample)
    {
        if (!_nodes.TryGetValue(node, out var samples))
        {
            _nodes[node] = samples = new Queue<NodeSample>(Capacity + 1);
        }

        samples.Enqueue(sample);
        while (samples.Count > Capacity)
        {
            samples.Dequeue();
        }
    }

    /// <summary>What the station draws, per grid phase (its conductors mapped through its wiring).</summary>
    private static PhaseCurrents GridCurrents(ChargePointSnapshot chargePoint)
    {
        var settings = chargePoint.Installation.Settings;
        var station = chargePoint.Status.CurrentsA;
        var grid = PhaseCurrents.Zero;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            var gridPhase = settings.GridPhaseOf(p);
            grid = grid.With(gridPhase, grid[gridPhase] + station[p]);
        }

        return grid;
    }
}
