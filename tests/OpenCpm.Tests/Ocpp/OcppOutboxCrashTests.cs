using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Interop.OcppRpc;
using OpenCpm.Tests.Sessions;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// The outbox across a power cut of the controller: the real `opencpm run` (a child process on the real clock) with
/// simulated KEBA stations, the backend (ocpp-rpc, strict) away while sessions run, and the controller killed with
/// SIGKILL while their messages wait; after the restart the backend gets every StartTransaction, MeterValues and
/// StopTransaction exactly once and in order, with the transactionIds it gave. The online rounds time a station's change
/// → its StatusNotification at the backend. (The 100-session run on 20 stations is <see cref="OcppOutageTests"/>, on
/// the fake clock: in real time the session recorder opens sessions of several stations only seconds apart.)
/// </summary>
public sealed class OcppOutboxCrashTests(OcppRpcPeerFixture fixture, ITestOutputHelper output) : IClassFixture<OcppRpcPeerFixture>
{
    private const string Identity = "CP-OUTBOX";
    private const int Stations = 2;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(200) };
    private static readonly string[] HostArgs = ["--Ocpp:ReconnectMinDelay=00:00:00.2", "--Ocpp:ReconnectMaxDelay=00:00:01"];

    private OcppRpcPeer Peer => fixture.Peer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transaction_messages_waiting_when_the_controller_is_killed_reach_the_backend_once_each_and_in_order_after_the_restart()
    {
        using var data = new TempDirectory();
        await using var site = SessionSite.Start(Stations);
        var latencies = new List<TimeSpan>();
        var controller = await ControllerProcess.StartAsync(data.Path, HostArgs);
        try
        {
            var client = await controller.CreateClientAsync();
            await ConfigureAsync(client, site);
            await Eventually.TrueAsync(() => Handled("StatusNotification").Count > Stations, Timeout, "every connector's status after the boot");
            var answer = await Peer.CallAsync(Identity, "ChangeConfiguration", """{"key":"MeterValueSampleInterval","value":"1"}""");
            Assert.Equal("Accepted", answer.GetProperty("status").GetString());

            // Round 1 online (statuses timed); round 2 with the backend away and the controller killed mid-session.
            latencies.AddRange(await RoundAsync(site, client, online: true, round: 1));
            await Peer.OfflineAsync(Identity, offline: true);
            await PlugAllAsync(site, client, online: false, round: 2);
            var queued = new List<string>();
            await Eventually.TrueAsync(async () => (queued = await OutboxAsync(client)).Contains("MeterValues"), Timeout, "sampled MeterValues queue up too");
            await controller.KillAsync();
            client.Dispose();
            foreach (var station in site.Stations)
            {
                station.Unplug(); // while the controller is dead: the stops come from the stations' logs after the restart
            }

            controller.Dispose();
            controller = await ControllerProcess.StartAsync(data.Path, HostArgs);
            client = await controller.CreateClientAsync();
            await Eventually.TrueAsync(async () => (await OutboxAsync(client)).Count(a => a == "StopTransaction") == Stations, Timeout, "the stops of round 2 are queued after the restart");
            Assert.True(queued.Count(a => a == "StartTransaction") == Stations && queued.Contains("MeterValues"), $"waiting at the kill: {string.Join(", ", queued)}");

            // Back online: the backlog drains, then a third round.
            await Peer.OfflineAsync(Identity, offline: false);
            await Eventually.TrueAsync(async () => (await OutboxAsync(client)).Count == 0, Timeout, "the outbox is empty");
            latencies.AddRange(await RoundAsync(site, client, online: true, round: 3));
            await Eventually.TrueAsync(async () => (await OutboxAsync(client)).Count == 0, Timeout, "the outbox is empty");
            client.Dispose();
            Assert.False(controller.HasExited, controller.Output);
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            output.WriteLine(controller.Output);
            output.WriteLine(string.Join("\n", Peer.Messages(Identity).TakeLast(60).Select(m => (m.Outbound ? "CS→ " : "CP→ ") + m.Text)));
            throw;
        }
        finally
        {
            controller.Dispose();
        }

        var report = TransactionLedger.Verify(TransactionLedger.Transactions(Peer, Identity), sessions: 3 * Stations);
        latencies.Sort();
        output.WriteLine($"{report}; station change → StatusNotification over {latencies.Count} plug-ins: median {latencies[latencies.Count / 2].TotalMilliseconds:0} ms, max {latencies[^1].TotalMilliseconds:0} ms");
        Assert.True(latencies[^1] <= TimeSpan.FromMilliseconds(5_100), $"slowest StatusNotification {latencies[^1].TotalMilliseconds:0} ms after the change (one KEBA poll is 5 s)");
        Peer.AssertClean(Identity);
    }

    /// <summary>Every vehicle plugs in; once all 20 transactions started (at the backend or in the outbox), every one leaves.</summary>
    private async Task<List<TimeSpan>> RoundAsync(SessionSite site, HttpClient client, bool online, int round)
    {
        var latencies = await PlugAllAsync(site, client, online, round);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // a sampled MeterValues or so per transaction
        foreach (var station in site.Stations)
        {
            station.Unplug();
        }

        await Eventually.TrueAsync(async () => await StopsAsync(client, online) == round * Stations, Timeout, $"the stops of round {round}");
        return latencies;
    }

    private async Task<List<TimeSpan>> PlugAllAsync(SessionSite site, HttpClient client, bool online, int round)
    {
        var statusesBefore = Handled("StatusNotification").Count;
        var pluggedAt = new DateTimeOffset[Stations];
        for (var k = 0; k < Stations; k++)
        {
            site.Stations[k].PlugIn(Car);
            pluggedAt[k] = DateTimeOffset.UtcNow;
        }

        await Eventually.TrueAsync(async () => await StartsAsync(client, online) == round * Stations, Timeout, $"the starts of round {round}");
        if (!online)
        {
            return [];
        }

        // The first status of each connector after its plug-in (Preparing, Charging or SuspendedEVSE), as the backend got it.
        var latencies = new List<TimeSpan>();
        await Eventually.TrueAsync(
            () =>
            {
                latencies = [.. Enumerable.Range(1, Stations).Select(c => FirstStatusAfter(statusesBefore, c) is { } at ? at - pluggedAt[c - 1] : TimeSpan.MinValue)];
                return latencies.All(l => l != TimeSpan.MinValue);
            },
            Timeout,
            $"every connector's new status in round {round}");
        return latencies;
    }

    private DateTimeOffset? FirstStatusAfter(int skip, int connector) =>
        Peer.Events.Where(e => OcppRpcPeer.Kind(e) == "handled" && OcppRpcPeer.Identity(e) == Identity && e.GetProperty("action").GetString() == "StatusNotification")
            .Skip(skip)
            .Where(e => e.GetProperty("params").GetProperty("connectorId").GetInt32() == connector && e.GetProperty("params").GetProperty("status").GetString() != "Available")
            .Select(e => (DateTimeOffset?)OcppRpcPeer.At(e))
            .FirstOrDefault();

    private async Task<int> StartsAsync(HttpClient client, bool online) =>
        Handled("StartTransaction").Count + (online ? 0 : (await OutboxAsync(client)).Count(a => a == "StartTransaction"));

    private async Task<int> StopsAsync(HttpClient client, bool online) =>
        Handled("StopTransaction").Count + (online ? 0 : (await OutboxAsync(client)).Count(a => a == "StopTransaction"));

    private static async Task<List<string>> OutboxAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/ocpp/outbox", UriKind.Relative), Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()!)];
    }

    private IReadOnlyList<JsonElement> Handled(string action) =>
        [.. Peer.Events.Where(e => OcppRpcPeer.Kind(e) == "handled" && OcppRpcPeer.Identity(e) == Identity && e.GetProperty("action").GetString() == action)];

    private async Task ConfigureAsync(HttpClient client, SessionSite site)
    {
        (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63 }, Ct)).EnsureSuccessStatusCode();
        for (var k = 0; k < Stations; k++)
        {
            var put = await client.PutAsJsonAsync(
                string.Create(CultureInfo.InvariantCulture, $"/api/v1/network/chargepoints/cp{k + 1}"),
                new { address = site.Stations[k].Address.ToString(), connectorId = k + 1, driver = "Keba", maxCurrentA = 16, failsafeCurrentA = 0 },
                Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var backend = await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = Peer.Endpoint.ToString(), chargeBoxId = Identity }, Ct);
        Assert.True(backend.IsSuccessStatusCode, await backend.Content.ReadAsStringAsync(Ct));
    }
}
