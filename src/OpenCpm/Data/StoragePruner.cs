namespace OpenCpm.Data;

/// <summary>Deletes sessions and events older than 12 months, at start and then once a day.</summary>
internal sealed class StoragePruner(SessionStore sessions, EventLog events, TimeProvider time, ILogger<StoragePruner> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                var prunedSessions = await sessions.PruneAsync(stoppingToken);
                var prunedEvents = await events.PruneAsync(stoppingToken);
                if (prunedSessions + prunedEvents > 0)
                {
                    DataLog.Pruned(logger, prunedSessions, prunedEvents);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                DataLog.PruneFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
