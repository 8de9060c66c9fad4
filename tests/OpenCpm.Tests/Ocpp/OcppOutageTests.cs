using OpenCpm.Data;
using OpenCpm.Tests.Interop.OcppRpc;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Issue 13's outbox target: 100 sessions on 20 simulated KEBA stations (five rounds of every station), the backend
/// (ocpp-rpc, strict) away for rounds 2 and 3 and the controller restarted during the outage; the backend then has
/// every StartTransaction, MeterValues and StopTransaction exactly once and in order (<see cref="TransactionLedger"/>).
/// On the fake clock, so the run takes seconds; the SIGKILL case is <see cref="OcppOutboxCrashTests"/>.
/// </summary>
public sealed class OcppOutageTests(OcppRpcPeerFixture fixture, ITestOutputHelper output) : IClassFixture<OcppRpcPeerFixture>
{
    private const string Identity = "CP-OUTAGE";
    private const int Stations = 20;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(400); // the fake clock's stride: 20 stations make each step dearer

    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task A_hundred_sessions_on_twenty_stations_through_an_outage_and_a_restart_reach_the_backend_once_each_and_in_order()
    {
        using var data = new TempDirectory();
        var site = await OcppSite.StartAsync(Peer, Identity, stations: Stations, dataDirectory: data.Path, prepare: Sampled);
        var addresses = site.Demo.Options.StationAddresses;
        var queuedAtRestart = 0;
        try
        {
            await site.UntilAsync(() => Enumerable.Range(1, Stations).All(c => site.LastStatus(c) == "Available"), "every connector is Available");
            await RoundAsync(site);
            await Peer.OfflineAsync(Identity, offline: true);
            await RoundAsync(site);
            await RoundAsync(site);
            queuedAtRestart = (await site.Demo.Service<OcppTransactionStore>().ListAsync(1000, TestContext.Current.CancellationToken)).Count;
        }
        finally
        {
            await site.DisposeAsync();
        }

        site = await OcppSite.StartAsync(Peer, Identity, stations: Stations, dataDirectory: data.Path, stationAddresses: addresses, waitAccepted: false);
        await using (site)
        {
            await Peer.OfflineAsync(Identity, offline: false);
            await RoundAsync(site);
            await RoundAsync(site);
            await site.UntilAsync(() => site.Handled("StopTransaction").Count == 5 * Stations, "every StopTransaction reached the backend", Step);
        }

        Assert.True(queuedAtRestart >= 4 * Stations, $"{queuedAtRestart} messages waited at the restart");
        output.WriteLine(TransactionLedger.Verify(TransactionLedger.Transactions(Peer, Identity), sessions: 5 * Stations) + $" ({queuedAtRestart} waited through the restart)");
    }

    private static Task Sampled(Settings.SettingsService settings) =>
        OcppSite.SetAsync<OcppChargePointSettings>(settings, c => c with { MeterValueSampleIntervalSeconds = 30 });

    /// <summary>Every station's vehicle plugs in; once every transaction started (sampled MeterValues every 30 s meanwhile), every vehicle leaves.</summary>
    private static async Task RoundAsync(OcppSite site)
    {
        for (var connector = 1; connector <= Stations; connector++)
        {
            site.Station(connector).PlugIn(OcppSite.Car);
        }

        await site.UntilAsync(() => site.Tracker.Running.Current.Count == Stations, "every transaction started", Step);
        for (var connector = 1; connector <= Stations; connector++)
        {
            site.Station(connector).Unplug();
        }

        await site.UntilAsync(() => site.Tracker.Running.Current.IsEmpty, "every transaction stopped", Step);
    }
}
