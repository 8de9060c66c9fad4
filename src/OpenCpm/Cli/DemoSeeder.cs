using OpenCpm.Data;
using OpenCpm.Simulation;

namespace OpenCpm.Cli;

/// <summary>
/// Writes the demo's settings before anything reads them (<see cref="StartingAsync"/> runs after the storage
/// migration, which is registered earlier, and before any service's StartAsync): on a new data folder the site,
/// clusters and charge points of the simulated stations; every time the meter settings pointing at the simulated
/// meter (its port changes from run to run) and the backend preset by --csms-url / --charge-box-id.
/// </summary>
internal sealed class DemoSeeder(SettingsStore store, SimulatedSite site, DemoOptions options, ILogger<DemoSeeder> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var stations = site.Stations.Select(s => s.Setup).ToList();
        if ((await store.GetChargePointsAsync(cancellationToken)).Count == 0)
        {
            var settings = DemoSiteSettings.Site(stations, options.Clusters);
            Check(await store.SaveSiteAsync(settings, cancellationToken), "site");
            Check(await store.SaveChargePointsAsync([.. DemoSiteSettings.Installations(settings, stations)], cancellationToken), "charge points");

            Api.SimLog.Seeded(logger, stations.Count, options.Clusters, settings.MaxCurrentA);
        }

        var meter = await store.GetAsync<MeterSettings>(cancellationToken);
        Check(await store.SaveAsync(meter with
        {
            Enabled = true,
            ProfileId = site.Meter.Profile.Id,
            Host = site.MeterAddress.ToString(),
            Port = site.MeterPort,
            UnitId = 1,
        }, cancellationToken), "meter");

        if (options.CsmsUrl is not null || options.ChargeBoxId is not null)
        {
            var backend = await store.GetAsync<OcppBackendSettings>(cancellationToken);
            var preset = options.Backend();
            Check(await store.SaveAsync(backend with { Enabled = preset.Enabled, Url = preset.Url, ChargeBoxId = preset.ChargeBoxId }, cancellationToken), "backend");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(Core.LoadManagement.SettingsProblems problems, string what)
    {
        if (!problems.IsValid)
        {
            throw new InvalidOperationException($"The demo's {what} settings were refused: {string.Join(" ", problems.Errors)}");
        }
    }
}
