using System.Threading.Channels;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Warnings;

/// <summary>
/// The one place where what the operator must know reaches the event log: it follows the site snapshots (the grid
/// meter, the stations, the allocator's findings — <see cref="WarningRules"/>) and the settings (changes of the site's
/// limits — <see cref="LimitChanges"/>), raises each condition once when it appears and clears it once when it is gone
/// (<see cref="WarningTracker"/>), never once per cycle. The entries are written on its own loop, so the control loop
/// never waits for the database.
/// </summary>
internal sealed class OperatorWarnings(SiteSnapshots site, SettingsService settings, EventLog events, TimeProvider time, ILogger<OperatorWarnings> logger)
    : BackgroundService
{
    private readonly Channel<OperatorEvent> _pending = Channel.CreateUnbounded<OperatorEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WarningTracker _tracker = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _startedAt;
    private bool _failing;

    /// <summary>The conditions raised and not cleared yet, the oldest first (GET /api/v1/status shows them).</summary>
    public IReadOnlyList<ActiveWarning> Active
    {
        get
        {
            lock (_lock)
            {
                return _tracker.Active;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _startedAt = time.GetUtcNow();
        using var siteChanges = site.Live.Subscribe(OnSite);
        using var settingsChanges = settings.Changes.Subscribe(OnSettings);
        OnSite(site.Current); // what was published before this service started (stored settings refused at once)
        try
        {
            await foreach (var entry in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                await WriteAsync(entry, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnSite(SiteSnapshot snapshot)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var configured = snapshot.ChargePoints.Select(c => WarningRules.StationKeyPrefix + c.Id).ToHashSet(StringComparer.Ordinal);
            _tracker.Forget(key => key.StartsWith(WarningRules.StationKeyPrefix, StringComparison.Ordinal) && !configured.Contains(key));
            foreach (var entry in _tracker.Update(WarningRules.Of(snapshot, now - _startedAt), now))
            {
                _pending.Writer.TryWrite(entry);
            }
        }
    }

    private void OnSettings(SettingsChange change)
    {
        if (ReferenceEquals(change.Before, SettingsSnapshot.Empty) || ReferenceEquals(change.Before.Site, change.After.Site))
        {
            return; // the first load, or another area
        }

        foreach (var message in LimitChanges.Of(change.Before.Site.Site, change.After.Site.Site))
        {
            _pending.Writer.TryWrite(new OperatorEvent(EventSeverity.Info, LimitChanges.Source, message));
        }
    }

    private async Task WriteAsync(OperatorEvent entry, CancellationToken cancellationToken)
    {
        try
        {
            await events.WriteAsync(entry.Level, entry.Source, entry.Message, cancellationToken);
            _failing = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!_failing)
            {
                _failing = true;
                OperatorWarningsLog.WriteFailed(logger, entry.Message, ex);
            }
        }
    }
}
