using System.Globalization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Settings;
using OpenCpm.Simulation.Stations;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>Simulated P30 stations on unique loopback addresses, configured as cp1…cpN of a host's site.</summary>
internal sealed class SessionSite : IAsyncDisposable
{
    private SessionSite(IReadOnlyList<SimulatedKebaStation> stations) => Stations = stations;

    public IReadOnlyList<SimulatedKebaStation> Stations { get; }

    /// <summary>A short pilot delay so the vehicles follow setpoint changes quickly.</summary>
    public static KebaStationProfile Profile(int k) =>
        KebaStationProfile.CSeries((93_000_000 + k).ToString(CultureInfo.InvariantCulture)) with { PilotDelay = TimeSpan.FromMilliseconds(200) };

    public static SessionSite Start(int count, Func<int, KebaStationProfile>? profile = null) =>
        new([.. Enumerable.Range(0, count).Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), (profile ?? Profile)(k), TimeProvider.System))]);

    /// <summary>Writes the site (32 A) and one charge point per station into the host's settings.</summary>
    public Task ConfigureAsync(SettingsService settings) =>
        SiteSetup.ConfigureAsync(
            settings,
            new SiteSettings
            {
                MaxCurrentA = 32,
                ChargePoints = [.. Stations.Select((_, k) => new ChargePointSettings { Id = $"cp{k + 1}", MaxCurrentA = 16, FailsafeCurrentA = 0 })],
            },
            [.. Stations.Select(s => s.Address)]);

    public async ValueTask DisposeAsync()
    {
        foreach (var s in Stations)
        {
            await s.DisposeAsync();
        }
    }
}
