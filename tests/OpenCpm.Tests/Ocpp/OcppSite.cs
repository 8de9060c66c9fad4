using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Settings;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Demo;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// `opencpm demo` (simulated KEBA stations over real UDP, the whole controller) on a fake clock, connected as
/// <see cref="Identity"/> to the independent ocpp-rpc Central System in strict mode. The clock moves only when a test
/// waits (<see cref="UntilAsync"/>): 200 ms of it per few real milliseconds, so OCPP intervals pass quickly while
/// the backend's answers still come in real time. Disposing checks that ocpp-rpc saw no schema violation on this
/// link, in either direction.
/// </summary>
internal sealed class OcppSite : IAsyncDisposable
{
    public static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(500), BatteryWh = 200_000, InitialSoc = 0.2 };

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    private OcppSite(DemoApplication demo, OcppRpcPeer peer, string identity, FakeTimeProvider time)
    {
        Demo = demo;
        Peer = peer;
        Identity = identity;
        Time = time;
    }

    public DemoApplication Demo { get; }

    public OcppRpcPeer Peer { get; }

    public string Identity { get; }

    public FakeTimeProvider Time { get; }

    public SettingsService Settings => Demo.Service<SettingsService>();

    public SiteSnapshot Snapshot => Demo.Service<SiteSnapshots>().Current;

    public TransactionTracker Tracker => Demo.Service<TransactionTracker>();

    /// <summary>
    /// Starts the demo with <paramref name="stations"/> stations, runs <paramref name="prepare"/> on its settings,
    /// then enables the backend (or, with <paramref name="presetByDemo"/>, lets `--csms-url`/`--charge-box-id` do it
    /// at start), and waits until the link is accepted unless <paramref name="waitAccepted"/> is false.
    /// </summary>
    public static async Task<OcppSite> StartAsync(
        OcppRpcPeer peer,
        string identity,
        int stations = 2,
        Func<SettingsService, Task>? prepare = null,
        bool presetByDemo = false,
        bool waitAccepted = true,
        string? dataDirectory = null,
        FakeTimeProvider? time = null,
        IReadOnlyList<System.Net.IPAddress>? stationAddresses = null,
        IReadOnlyList<string>? hostArgs = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var demo = await DemoApplication.StartAsync(
            stations: stations,
            dataDirectory: dataDirectory,
            csmsUrl: presetByDemo ? peer.Endpoint.ToString() : null,
            chargeBoxId: presetByDemo ? identity : null,
            time: time,
            stationAddresses: stationAddresses,
            hostArgs: hostArgs,
            services: services);
        var site = new OcppSite(demo, peer, identity, time);
        try
        {
            if (prepare is not null)
            {
                await prepare(site.Settings);
            }

            if (!presetByDemo)
            {
                var saved = await site.Settings.UpdateAsync<OcppBackendSettings>(
                    b => b with { Enabled = true, Url = peer.Endpoint.ToString(), ChargeBoxId = identity }, "test", null, TestContext.Current.CancellationToken);
                Assert.True(saved.IsSaved, string.Join(" ", saved.Errors));
            }

            if (waitAccepted)
            {
                await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "the backend accepts the registration");
            }

            return site;
        }
        catch
        {
            await demo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets the fake clock run in 200 ms steps until <paramref name="condition"/> holds (30 s of real time at most).</summary>
    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + RealTimeout;
        var started = Time.GetUtcNow();
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {RealTimeout.TotalSeconds} s ({(Time.GetUtcNow() - started).TotalSeconds:0} s of the fake clock): {what}. Messages:\n{Trace()}");
            }

            Time.Advance(step ?? Step);
            await Task.Delay(4, CancellationToken.None);
        }
    }

    /// <summary>Lets <paramref name="duration"/> of the fake clock pass.</summary>
    public async Task RunAsync(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        await UntilAsync(() => Time.GetUtcNow() >= end, $"{duration.TotalSeconds} s pass");
    }

    /// <summary>A CALL from the Central System; the fake clock runs while it waits for the answer.</summary>
    public async Task<JsonElement> CallAsync(string action, string paramsJson)
    {
        var call = Peer.CallAsync(Identity, action, paramsJson, timeoutMs: 20_000);
        await UntilAsync(() => call.IsCompleted, $"{action} is answered", TimeSpan.FromMilliseconds(50));
        return await call;
    }

    /// <summary>The CALLs the controller sent (as the Central System handled them), in order: action and payload.</summary>
    public IReadOnlyList<(string Action, JsonElement Params)> Handled() =>
        [.. Peer.Events.Where(e => OcppRpcPeer.Kind(e) == "handled" && OcppRpcPeer.Identity(e) == Identity)
            .Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("params")))];

    public IReadOnlyList<JsonElement> Handled(string action) => [.. Handled().Where(h => h.Action == action).Select(h => h.Params)];

    /// <summary>The StatusNotifications of <paramref name="connector"/>, in order (status names).</summary>
    public IReadOnlyList<string> Statuses(int connector) =>
        [.. Handled("StatusNotification").Where(p => p.GetProperty("connectorId").GetInt32() == connector).Select(p => p.GetProperty("status").GetString()!)];

    public string? LastStatus(int connector) => Statuses(connector) is [.., var last] ? last : null;

    public Task UntilStatusAsync(int connector, string status) =>
        UntilAsync(() => LastStatus(connector) == status, $"connector {connector} reports {status} (so far: {string.Join(", ", Statuses(connector))})");

    public Simulation.SimulatedSiteStation Station(int connector) => Demo.Site.Stations[connector - 1];

    public Task SetAsync<T>(Func<T, T> edit)
        where T : class, ISettingsDocument<T> => SetAsync(Settings, edit);

    public static async Task SetAsync<T>(SettingsService settings, Func<T, T> edit)
        where T : class, ISettingsDocument<T>
    {
        var saved = await settings.UpdateAsync<T>(d => edit(d), "test", null, TestContext.Current.CancellationToken);
        Assert.True(saved.IsSaved, string.Join(" ", saved.Errors));
    }

    public string Trace() => string.Join("\n", Peer.Messages(Identity).TakeLast(40).Select(m => (m.Outbound ? "CS→ " : "CP→ ") + m.Text));

    public async ValueTask DisposeAsync()
    {
        try
        {
            Peer.AssertClean(Identity);
        }
        finally
        {
            await Demo.DisposeAsync();
        }
    }

    public static string Json(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
