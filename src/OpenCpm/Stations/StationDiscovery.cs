using System.Globalization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Stations;

/// <summary>
/// Finds stations on the LAN through every protocol and adds each one not configured yet as a new charge point
/// (three-phase, 32 A until its hardware says otherwise, failsafe 0 A). With an expected number of stations (the
/// manual's AmountConnectors) it keeps searching until that many are configured; without, it searches once at start.
/// The API's "search now" calls <see cref="SearchAsync"/>.
/// </summary>
internal sealed class StationDiscovery(
    SettingsService settings,
    EventLog events,
    IEnumerable<IStationProtocol> protocols,
    TimeProvider timeProvider,
    ILogger<StationDiscovery> logger) : BackgroundService
{
    public const string EventSource = "discovery";

    private readonly SemaphoreSlim _searching = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var searchedOnce = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var snapshot = await settings.GetAsync(stoppingToken);
            var discovery = snapshot.Get<DiscoverySettings>();
            try
            {
                var missing = discovery.ExpectedStations > 0 && snapshot.Site.ChargePoints.Count < discovery.ExpectedStations;
                if (discovery.Enabled && (!searchedOnce || missing))
                {
                    searchedOnce = true;
                    await SearchAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Net.Sockets.SocketException)
            {
                StationsLog.DiscoveryFailed(logger, ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, discovery.IntervalSeconds)), timeProvider, stoppingToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// One search with the saved discovery settings; returns how many stations were added. Throws
    /// <see cref="InvalidOperationException"/> when no protocol can search (its transport is down).
    /// </summary>
    public async Task<int> SearchAsync(CancellationToken cancellationToken)
    {
        await _searching.WaitAsync(cancellationToken);
        try
        {
            var discovery = await settings.GetAsync<DiscoverySettings>(cancellationToken);
            var found = new List<DiscoveredStation>();
            foreach (var protocol in protocols)
            {
                found.AddRange(await protocol.DiscoverAsync(discovery, cancellationToken));
            }

            var added = 0;
            foreach (var station in found)
            {
                added += await AddAsync(station, cancellationToken) ? 1 : 0;
            }

            return added;
        }
        finally
        {
            _searching.Release();
        }
    }

    /// <summary>Adds the station unless one with its address is configured (atomically with other edits).</summary>
    private async Task<bool> AddAsync(DiscoveredStation station, CancellationToken cancellationToken)
    {
        string? id = null;
        var outcome = await settings.UpdateSiteAsync(
            site =>
            {
                if (site.ChargePoints.Any(c => c.Driver == station.Driver && c.Address == station.Address))
                {
                    return SettingsEdit<SiteConfiguration>.NoChange();
                }

                id = NextId(site);
                return site.WithChargePoint(new ChargePointInstallation
                {
                    Settings = new ChargePointSettings { Id = id, MaxCurrentA = 32, FailsafeCurrentA = 0 },
                    Address = station.Address,
                    Driver = station.Driver,
                    DisplayName = station.Description,
                });
            },
            EventSource,
            what: null,
            cancellationToken);
        if (!outcome.Changed)
        {
            return false;
        }

        if (outcome.IsSaved)
        {
            await events.InfoAsync(EventSource, $"Found a {station.Driver} station at {station.Address} ({station.Description}) and added it as {id}.", cancellationToken);
            return true;
        }

        await events.WarningAsync(EventSource, $"Found a {station.Driver} station at {station.Address} but could not add it: {string.Join(" ", outcome.Errors)}", cancellationToken);
        return false;
    }

    private static string NextId(SiteConfiguration site)
    {
        for (var n = 1; ; n++)
        {
            var id = "cp" + n.ToString(CultureInfo.InvariantCulture);
            if (site.Find(id) is null)
            {
                return id;
            }
        }
    }

    public override void Dispose()
    {
        _searching.Dispose();
        base.Dispose();
    }
}
