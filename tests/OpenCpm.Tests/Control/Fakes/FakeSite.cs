using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Settings;
using OpenCpm.Stations;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Control.Fakes;

/// <summary>
/// The real controller host with N <see cref="FakeStation"/>s instead of KEBA over UDP, all on one fake clock: a
/// minute of control runs in well under a second, and the <see cref="Journal"/> holds every command and every current.
/// </summary>
internal sealed class FakeSite : IAsyncDisposable
{
    private FakeSite(OpenCpmApplication app, FakeTimeProvider time, IReadOnlyList<FakeStation> stations, StationJournal journal)
    {
        App = app;
        Time = time;
        Stations = stations;
        Journal = journal;
    }

    public OpenCpmApplication App { get; }

    public FakeTimeProvider Time { get; }

    public IReadOnlyList<FakeStation> Stations { get; }

    public StationJournal Journal { get; }

    public SiteSnapshot Snapshot => App.Service<SiteSnapshots>().Current;

    /// <summary>
    /// Starts the host with one fake station per charge point of <paramref name="site"/> (charge point k at station k),
    /// on <paramref name="dataDirectory"/> (null = a fresh temp folder).
    /// </summary>
    public static async Task<FakeSite> StartAsync(SiteSettings site, Action<FakeStation>? configure = null, string? dataDirectory = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var journal = new StationJournal();
        var stations = site.ChargePoints.Select(cp => new FakeStation(cp.Id, time, journal, cp.WiredGridPhases)).ToList();
        foreach (var station in stations)
        {
            configure?.Invoke(station);
        }

        var addresses = stations.Select((_, k) => IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"10.0.{k / 250}.{k % 250 + 1}"))).ToList();
        var byAddress = addresses.Select((a, k) => (a.ToString(), stations[k])).ToDictionary(x => x.Item1, x => x.Item2);
        var app = await OpenCpmApplication.StartAsync(
            dataDirectory: dataDirectory,
            time: time,
            services: services =>
            {
                services.RemoveAll<IStationProtocol>();
                services.AddSingleton<IStationProtocol>(new FakeStationProtocol(byAddress));
            });
        var fake = new FakeSite(app, time, stations, journal);
        await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), site, addresses);
        await fake.RunAsync(TimeSpan.FromSeconds(2));
        return fake;
    }

    /// <summary>Lets <paramref name="duration"/> of fake time pass in steps of <paramref name="step"/>, letting the host settle after each.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromMilliseconds(100);
        for (var passed = TimeSpan.Zero; passed < duration; passed += by)
        {
            Time.Advance(by);
            await SettleAsync();
        }
    }

    /// <summary>
    /// Waits (in real time, the fake clock standing still) until the host is quiet: no new control cycle and no new
    /// journal entry for several polls in a row.
    /// </summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var quiet = 0;
        var last = (Snapshot.Controller.Cycles, Journal.Count);
        while (quiet < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1, CancellationToken.None);
            var now = (Snapshot.Controller.Cycles, Journal.Count);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }

        if (quiet < 3)
        {
            throw new TimeoutException($"The host did not settle: {Snapshot.Controller.Cycles} cycles, {Journal.Count} journal entries.");
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
