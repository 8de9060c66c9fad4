using System.Globalization;
using OpenCpm.Authorization;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Local Auth List Management (OCA TC_042, TC_043) and offline authorization (LocalAuthorizeOffline, the authorization
/// cache, AllowOfflineTxForUnknownId false) against ocpp-rpc in strict mode: the local list is the controller's card list.
/// </summary>
public sealed class OcppLocalListTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task The_backend_replaces_and_edits_the_card_list_with_versions_up_to_a_thousand_cards()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TC042", stations: 1);
        var cards = site.Demo.Service<CardService>();
        Assert.Equal(0, await VersionAsync(site));

        // TC_043_3 (Full): 1,000 entries.
        var thousand = string.Join(",", Enumerable.Range(1, 1000).Select(i => Entry(i.ToString("X8", CultureInfo.InvariantCulture), "Accepted")));
        Assert.Equal("Accepted", await SendAsync(site, $$"""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{{thousand}}]}"""));
        Assert.Equal(1000, (await cards.GetAsync(TestContext.Current.CancellationToken)).Count);
        Assert.Equal(1, await VersionAsync(site));

        // TC_043_4 (Differential): one added, one removed, one blocked.
        Assert.Equal("Accepted", await SendAsync(site, $$"""{"listVersion":2,"updateType":"Differential","localAuthorizationList":[{{Entry("ABCDEF01", "Accepted")}},{"idTag":"00000001"},{{Entry("00000002", "Blocked")}}]}"""));
        var list = await cards.GetAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1000, list.Count);
        Assert.Null(list.Find(Core.Authorization.CardUid.Parse("00000001")));
        Assert.Equal(Core.Authorization.CardStatus.Blocked, list.Find(Core.Authorization.CardUid.Parse("00000002"))!.Status);
        Assert.Equal(2, await VersionAsync(site));

        // Not newer: VersionMismatch; beyond 1,000 cards: Failed; both leave the list as it was.
        Assert.Equal("VersionMismatch", await SendAsync(site, $$"""{"listVersion":2,"updateType":"Differential","localAuthorizationList":[{{Entry("ABCDEF02", "Accepted")}}]}"""));
        Assert.Equal("Failed", await SendAsync(site, $$"""{"listVersion":3,"updateType":"Differential","localAuthorizationList":[{{Entry("ABCDEF02", "Accepted")}}]}"""));
        Assert.Equal(2, await VersionAsync(site));

        // TC_042_2-style: an empty Full list; the version of an empty list is 0.
        Assert.Equal("Accepted", await SendAsync(site, """{"listVersion":4,"updateType":"Full","localAuthorizationList":[]}"""));
        Assert.Equal(0, (await cards.GetAsync(TestContext.Current.CancellationToken)).Count);
        Assert.Equal(0, await VersionAsync(site));
        Assert.Equal("Accepted", (await site.CallAsync("ClearCache", "{}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offline_a_card_of_the_list_or_of_the_cache_charges_and_an_unknown_one_does_not()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-OFFLINE-AUTH", stations: 2, prepare: settings =>
            OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true }));
        await site.UntilStatusAsync(2, "Available");
        Assert.Equal("Accepted", await SendAsync(site, $$"""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{{Entry("04E91C5A", "Accepted")}}]}"""));

        // Online, an unknown card is authorized by the backend and lands in the authorization cache.
        site.Station(2).PlugIn(OcppSite.Car);
        site.Station(2).PresentCard("11223344");
        await site.UntilStatusAsync(2, "Charging");
        Assert.Equal("11223344", site.Handled("Authorize").Single().GetProperty("idTag").GetString());
        site.Station(2).Unplug();
        await site.UntilStatusAsync(2, "Available");

        await Peer.OfflineAsync(site.Identity, offline: true);
        await site.UntilAsync(() => !site.Demo.Service<OpenCpm.Ocpp.CsmsLink>().IsAccepted, "the link is down");

        // A card of the local list charges (LocalAuthorizeOffline), an unknown card does not (AllowOfflineTxForUnknownId false).
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(1).PresentCard("04E91C5A");
        site.Station(2).PlugIn(OcppSite.Car);
        site.Station(2).PresentCard("55667788");
        await site.UntilAsync(() => Transaction(site, 1), "connector 1's offline transaction");
        await site.RunAsync(TimeSpan.FromSeconds(15));
        Assert.False(Transaction(site, 2), "an unknown card charged offline");
        Assert.Equal(0, site.Station(2).StationCurrents().Max);

        // The cached card charges offline too.
        site.Station(2).Unplug();
        await site.RunAsync(TimeSpan.FromSeconds(3));
        site.Station(2).PlugIn(OcppSite.Car);
        site.Station(2).PresentCard("11223344");
        await site.UntilAsync(() => Transaction(site, 2), "connector 2's transaction under the cached card");

        // Back online, both offline transactions reach the backend under their cards.
        await Peer.OfflineAsync(site.Identity, offline: false);
        await site.UntilAsync(() => site.Handled("StartTransaction").Count == 3, "the offline StartTransactions");
        Assert.Equal(["11223344", "04E91C5A", "11223344"], site.Handled("StartTransaction").Select(s => s.GetProperty("idTag").GetString()));
        Assert.Single(site.Handled("Authorize"));
    }

    private static bool Transaction(OcppSite site, int connector) => site.Tracker.Running.Current.Values.Any(t => t.ConnectorId == connector);

    private static string Entry(string idTag, string status) => $$$"""{"idTag":"{{{idTag}}}","idTagInfo":{"status":"{{{status}}}"}}""";

    private static async Task<int> VersionAsync(OcppSite site) => (await site.CallAsync("GetLocalListVersion", "{}")).GetProperty("listVersion").GetInt32();

    private static async Task<string?> SendAsync(OcppSite site, string payload) => (await site.CallAsync("SendLocalList", payload)).GetProperty("status").GetString();
}
