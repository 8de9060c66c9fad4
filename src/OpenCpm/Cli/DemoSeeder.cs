using OpenCpm.Data;
using OpenCpm.Settings;
using OpenCpm.Simulation;

namespace OpenCpm.Cli;

/// <summary>
/// Writes the demo's settings before anything reads them (<see cref="StartingAsync"/> runs after the storage
/// migration and the settings load, which are registered earlier, and before any service's StartAsync): on a new
/// data folder the site, clusters and charge points of the simulated stations; every time the meter settings
/// pointing at the simulated meter (its port changes from run to run) and the backend preset by --csms-url /
/// --charge-box-id. With --site, the site file instead, on the simulated stations and meter (<see cref="DemoSiteFile"/>).
/// </summary>
internal sealed class DemoSeeder(SettingsService settings, Provisioning.SiteFileService siteFiles, SimulatedSite site, DemoOptions options, ILogger<DemoSeeder> logger)
    : IHostedLifecycleService
{
    private const string Actor = "the demo";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Site is { } file)
        {
            // --site: the file, on the simulators, every start (it is what was asked for).
            var applied = await siteFiles.ApplyAsync(DemoSiteFile.ForSimulation(file, site), Actor, cancellationToken);
            if (!applied.IsSaved)
            {
                throw new InvalidOperationException($"The site file was refused: {string.Join(" ", applied.Errors)}");
            }
        }
        else
        {
            await SeedAsync(cancellationToken);
        }

        if (options.CsmsUrl is not null || options.ChargeBoxId is not null)
        {
            var preset = options.Backend();
            Check(await settings.UpdateAsync<OcppBackendSettings>(
                backend => backend with { Enabled = preset.Enabled, Url = preset.Url, ChargeBoxId = preset.ChargeBoxId },
                Actor,
                "the OCPP backend settings (--csms-url, --charge-box-id)",
                cancellationToken), "backend");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stations = site.Stations.Select(s => s.Setup).ToList();
        var seeded = Check(await settings.UpdateSiteAsync(
            current =>
            {
                if (current.ChargePoints.Count > 0)
                {
                    return SettingsEdit<SiteConfiguration>.NoChange();
                }

                var limits = DemoSiteSettings.Site(stations, options.Clusters);
                return new SiteConfiguration(limits, DemoSiteSettings.Installations(limits, stations));
            },
            Actor,
            "the charging network (the simulated site)",
            cancellationToken), "site");
        if (seeded.Changed)
        {
            Api.SimLog.Seeded(logger, stations.Count, options.Clusters, seeded.Value!.Site.MaxCurrentA);
        }
        else if (options.Clusters > 0 && (await settings.GetSiteAsync(cancellationToken)).Site.Clusters.Count != options.Clusters)
        {
            Api.SimLog.ClustersNotApplied(logger, options.Clusters);
        }

        Check(await settings.UpdateAsync<MeterSettings>(
            meter => meter with
            {
                Enabled = true,
                ProfileId = site.Meter.Profile.Id,
                Host = site.MeterAddress.ToString(),
                Port = site.MeterPort,
                UnitId = 1,
            },
            Actor,
            what: null,
            cancellationToken), "meter");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static SettingsOutcome<T> Check<T>(SettingsOutcome<T> outcome, string what) =>
        outcome.IsSaved
            ? outcome
            : throw new InvalidOperationException($"The demo's {what} settings were refused: {string.Join(" ", outcome.Errors)}");
}
