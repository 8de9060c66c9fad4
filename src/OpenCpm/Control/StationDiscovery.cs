using System.Globalization;
using System.Net;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Control;

/// <summary>
/// Broadcasts <c>i</c> and adds every KEBA station that answers and is not configured yet as a new charge point
/// (three-phase, 32 A until its DIP switches are read, failsafe 0 A). With an expected number of stations it keeps
/// searching until that many are configured; without, it searches once at start.
/// </summary>
internal sealed class StationDiscovery(
    SettingsStore settings,
    EventLog events,
    KebaUdpEndpoint endpoint,
    TimeProvider timeProvider,
    ILogger<StationDiscovery> logger) : BackgroundService
{
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var searchedOnce = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var discovery = await settings.GetAsync<DiscoverySettings>(stoppingToken);
            try
            {
                if (discovery.Enabled && (!searchedOnce || await MissingAsync(discovery, stoppingToken)))
                {
                    searchedOnce = true;
                    await SearchAsync(discovery, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Net.Sockets.SocketException)
            {
                ControlLog.DiscoveryFailed(logger, ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, discovery.IntervalSeconds)), timeProvider, stoppingToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<bool> MissingAsync(DiscoverySettings discovery, CancellationToken cancellationToken) =>
        discovery.ExpectedStations > 0 && (await settings.GetChargePointsAsync(cancellationToken)).Count < discovery.ExpectedStations;

    /// <summary>One search; returns how many stations were added.</summary>
    public async Task<int> SearchAsync(DiscoverySettings discovery, CancellationToken cancellationToken)
    {
        var found = await endpoint.DiscoverAsync(IPAddress.Parse(discovery.BroadcastAddress), ReplyWindow, cancellationToken);
        var known = await settings.GetChargePointsAsync(cancellationToken);
        var added = 0;
        foreach (var station in found)
        {
            var address = station.Address.ToString();
            if (known.Any(k => k.Address == address))
            {
                continue;
            }

            var id = NextId(known.Select(k => k.Id), added);
            var installation = new ChargePointInstallation
            {
                Settings = new ChargePointSettings { Id = id, MaxCurrentA = 32, FailsafeCurrentA = 0 },
                Address = address,
                Driver = StationDriverKind.Keba,
                DisplayName = station.Firmware,
            };
            var problems = await settings.SaveChargePointAsync(installation, cancellationToken);
            if (problems.IsValid)
            {
                added++;
                await events.InfoAsync("discovery", $"Found a KEBA station at {address} ({station.Firmware}) and added it as {id}.", cancellationToken);
            }
            else
            {
                await events.WarningAsync("discovery", $"Found a KEBA station at {address} but could not add it: {string.Join(" ", problems.Errors)}", cancellationToken);
            }
        }

        return added;
    }

    private static string NextId(IEnumerable<string> existing, int offset)
    {
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        for (var n = 1 + offset; ; n++)
        {
            var id = "cp" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }
}
