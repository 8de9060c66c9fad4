using System.Text.Json;
using OpenCpm.Authorization;
using OpenCpm.Core.Authorization;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Reservations over the link (issue 15 item 2; OCA TC_046_1/2, TC_047, TC_048_1…4, TC_049, TC_050_1…4, TC_051, TC_052,
/// TC_053) against ocpp-rpc in strict mode: a reserved connector shows Reserved, charges only for the reserving card,
/// its StartTransaction names the reservation, and it is Available again when the reservation expires or is cancelled;
/// a reservation of connector 0 keeps one station free for its card.
/// </summary>
public sealed class OcppReservationTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private const string Reserving = "04E91C5A";
    private const string Other = "11223344";

    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task A_reserved_connector_charges_only_for_the_reserving_card_and_its_start_transaction_names_the_reservation()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-RESERVE", stations: 2, prepare: settings =>
            OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true }));
        await site.UntilStatusAsync(1, "Available");
        await site.UntilStatusAsync(2, "Available");

        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Reserving, id: 7, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(1, "Reserved");

        // TC_048: a connector reserved for another reservation, out of service, occupied, or unknown.
        Assert.Equal("Occupied", await ReserveAsync(site, connector: 1, Other, id: 8, TimeSpan.FromHours(1)));
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":2,"type":"Inoperative"}""")));
        await site.UntilStatusAsync(2, "Unavailable");
        Assert.Equal("Unavailable", await ReserveAsync(site, connector: 2, Other, id: 9, TimeSpan.FromHours(1)));
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":2,"type":"Operative"}""")));
        await site.UntilStatusAsync(2, "Available");
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(2, "Preparing");
        Assert.Equal("Occupied", await ReserveAsync(site, connector: 2, Other, id: 9, TimeSpan.FromHours(1)));
        Assert.Equal("Rejected", await ReserveAsync(site, connector: 3, Other, id: 10, TimeSpan.FromHours(1)));

        // Another card at the reserved connector is refused, even though the backend accepts it.
        var authorizer = site.Demo.Service<ChargingAuthorizer>();
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PresentCard(Other);
        await site.UntilAsync(() => authorizer.States.Current.TryGetValue("cp1", out var s) && s.Outcome == AuthorizationOutcome.Reject, "the other card is refused at the reserved connector");
        await site.RunAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(site.Handled("StartTransaction"), s => s.GetProperty("connectorId").GetInt32() == 1);
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Reserved");

        // TC_046_1: the reserving card starts the transaction, which names the reservation and ends it.
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PresentCard(Reserving);
        await site.UntilStatusAsync(1, "Charging");
        await site.UntilAsync(() => site.Handled("StartTransaction").Any(s => s.GetProperty("connectorId").GetInt32() == 1), "the StartTransaction at connector 1");
        var start = Assert.Single(site.Handled("StartTransaction"), s => s.GetProperty("connectorId").GetInt32() == 1);
        Assert.Equal((Reserving, 7), (start.GetProperty("idTag").GetString(), start.GetProperty("reservationId").GetInt32()));
        Assert.Equal("Rejected", Status(await site.CallAsync("CancelReservation", """{"reservationId":7}""")));
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Available");

        // A reservation with a parentIdTag admits another card of the same parent (the backend's Authorize says so).
        Assert.Equal("Accepted", Status(await site.CallAsync("ReserveNow", OcppSite.Json($$"""{"connectorId":1,"expiryDate":"{{site.Time.GetUtcNow().AddHours(1):o}}","idTag":"AAAA0001","parentIdTag":"FLEET7","reservationId":11}"""))));
        await site.UntilStatusAsync(1, "Reserved");
        await Peer.RespondAsync("Authorize", """{"idTagInfo":{"status":"Accepted","parentIdTag":"FLEET7"}}""", identity: site.Identity);
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PresentCard("55667788");
        await site.UntilStatusAsync(1, "Charging");
        await site.UntilAsync(() => site.Handled("StartTransaction").Count(s => s.GetProperty("connectorId").GetInt32() == 1) == 2, "the second StartTransaction at connector 1");
        var fleet = site.Handled("StartTransaction").Last(s => s.GetProperty("connectorId").GetInt32() == 1);
        Assert.Equal(("55667788", 11), (fleet.GetProperty("idTag").GetString(), fleet.GetProperty("reservationId").GetInt32()));
        Peer.AssertClean(site.Identity);
    }

    [Fact]
    public async Task A_reservation_ends_at_its_expiry_when_the_backend_cancels_it_or_when_its_remote_start_begins_a_transaction()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-RESERVE-END", stations: 1);
        await site.UntilStatusAsync(1, "Available");

        // TC_047: expiry after 60 s of the fake clock.
        var expiry = site.Time.GetUtcNow() + TimeSpan.FromSeconds(60);
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Reserving, id: 1, TimeSpan.FromSeconds(60)));
        await site.UntilStatusAsync(1, "Reserved");
        await site.UntilStatusAsync(1, "Available");
        Assert.True(site.Time.GetUtcNow() >= expiry, "Available only once the reservation expired");

        // The same reservationId replaces its reservation (not Occupied); TC_051: cancel, then an unknown id is Rejected.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Reserving, id: 2, TimeSpan.FromHours(1)));
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Other, id: 2, TimeSpan.FromHours(2)));
        await site.UntilStatusAsync(1, "Reserved");
        Assert.Equal("Accepted", Status(await site.CallAsync("CancelReservation", """{"reservationId":2}""")));
        await site.UntilStatusAsync(1, "Available");
        Assert.Equal("Rejected", Status(await site.CallAsync("CancelReservation", """{"reservationId":2}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("CancelReservation", """{"reservationId":99}""")));
        Assert.Equal(["Available", "Reserved", "Available", "Reserved", "Available"], site.Statuses(1));

        // TC_046_2: a remote start for another idTag is refused at the reserved connector; the reserving idTag's starts and names the reservation.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Reserving, id: 3, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(1, "Reserved");
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", OcppSite.Json($$"""{"connectorId":1,"idTag":"{{Other}}"}"""))));
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", OcppSite.Json($$"""{"idTag":"{{Other}}"}"""))));
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStartTransaction", OcppSite.Json($$"""{"connectorId":1,"idTag":"{{Reserving}}"}"""))));
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Charging");
        await site.UntilAsync(() => site.Handled("StartTransaction").Count == 1, "the StartTransaction");
        var start = Assert.Single(site.Handled("StartTransaction"));
        Assert.Equal((Reserving, 3), (start.GetProperty("idTag").GetString(), start.GetProperty("reservationId").GetInt32()));
        Peer.AssertClean(site.Identity);
    }

    [Fact]
    public async Task A_reservation_ends_when_its_station_is_taken_out_of_service_or_faults_and_one_for_connector_zero_only_when_every_station_does()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-RESERVE-FAULT", stations: 2);
        await site.UntilStatusAsync(1, "Available");
        await site.UntilStatusAsync(2, "Available");
        var book = site.Demo.Service<ChargePointReservations>().Book;

        // OCPP 1.6 §5.13 (3): out of service.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 1, Reserving, id: 30, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(1, "Reserved");
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""")));
        await site.UntilStatusAsync(1, "Unavailable");
        await site.UntilAsync(() => book.Current.All.IsEmpty, "the reservation ends");
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":1,"type":"Operative"}""")));
        await site.UntilStatusAsync(1, "Available");

        // A fault.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 2, Reserving, id: 31, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(2, "Reserved");
        site.Station(2).Station.SetError(1);
        await site.UntilStatusAsync(2, "Faulted");
        await site.UntilAsync(() => book.Current.All.IsEmpty, "the reservation ends");
        site.Station(2).Station.SetError(0);
        await site.UntilStatusAsync(2, "Available");
        Assert.Equal(["Available", "Reserved", "Unavailable", "Available"], site.Statuses(1));
        Assert.Equal(["Available", "Reserved", "Faulted", "Available"], site.Statuses(2));

        // Connector 0: a faulted station moves it to the other; it ends only when no station is left for it.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 0, Reserving, id: 32, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(2, "Reserved");
        site.Station(2).Station.SetError(1);
        await site.UntilStatusAsync(2, "Faulted");
        await site.UntilStatusAsync(1, "Reserved");
        Assert.Single(book.Current.All);
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""")));
        await site.UntilStatusAsync(1, "Unavailable");
        await site.UntilAsync(() => book.Current.All.IsEmpty, "the reservation ends");
        Peer.AssertClean(site.Identity);
    }

    [Fact]
    public async Task A_reservation_of_connector_zero_keeps_one_station_free_for_its_card_and_any_station_serves_it()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-RESERVE-ZERO", stations: 2, prepare: settings =>
            OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true }));
        await site.UntilStatusAsync(1, "Available");
        await site.UntilStatusAsync(2, "Available");
        var configuration = await site.CallAsync("GetConfiguration", """{"key":["ReserveConnectorZeroSupported"]}""");
        Assert.Equal("true", configuration.GetProperty("configurationKey")[0].GetProperty("value").GetString());

        // TC_050_4: an expiry already past is refused.
        Assert.Equal("Rejected", await ReserveAsync(site, connector: 0, Reserving, id: 19, TimeSpan.FromSeconds(-1)));

        // TC_049: the reservation is placed on a free station, which reports Reserved.
        Assert.Equal("Accepted", await ReserveAsync(site, connector: 0, Reserving, id: 20, TimeSpan.FromHours(1)));
        await site.UntilStatusAsync(2, "Reserved");
        Assert.Equal("Available", site.LastStatus(1));

        // Another vehicle takes the reserved station: the reservation moves to the other free one, and that vehicle charges.
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Reserved");
        site.Station(2).PresentCard(Other);
        await site.UntilStatusAsync(2, "Charging");

        // TC_050_2: no station left for a second reservation of connector 0, nor for one of the station it is placed on.
        Assert.Equal("Occupied", await ReserveAsync(site, connector: 0, Other, id: 21, TimeSpan.FromHours(1)));
        Assert.Equal("Occupied", await ReserveAsync(site, connector: 1, Other, id: 21, TimeSpan.FromHours(1)));

        // The last free station is kept for the card: another card is refused there.
        var authorizer = site.Demo.Service<ChargingAuthorizer>();
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PresentCard("55667788");
        await site.UntilAsync(() => authorizer.States.Current.TryGetValue("cp1", out var s) && s.Outcome == AuthorizationOutcome.Reject, "another card is refused at the station kept for the reservation");
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Reserved");

        // The reserving card charges there; its StartTransaction names the reservation, which ends.
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(1).PresentCard(Reserving);
        await site.UntilStatusAsync(1, "Charging");
        await site.UntilAsync(() => site.Handled("StartTransaction").Any(s => s.GetProperty("connectorId").GetInt32() == 1), "the StartTransaction at connector 1");
        var start = Assert.Single(site.Handled("StartTransaction"), s => s.GetProperty("connectorId").GetInt32() == 1);
        Assert.Equal((Reserving, 20), (start.GetProperty("idTag").GetString(), start.GetProperty("reservationId").GetInt32()));
        Assert.Empty(site.Demo.Service<ChargePointReservations>().Book.Current.All);
        site.Station(1).Unplug();
        site.Station(2).Unplug();
        await site.UntilStatusAsync(1, "Available");
        await site.UntilStatusAsync(2, "Available");

        // TC_050_3: the whole charge point out of service.
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":0,"type":"Inoperative"}""")));
        await site.UntilStatusAsync(1, "Unavailable");
        await site.UntilStatusAsync(2, "Unavailable");
        Assert.Equal("Unavailable", await ReserveAsync(site, connector: 0, Reserving, id: 22, TimeSpan.FromHours(1)));
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":0,"type":"Operative"}""")));
        await site.UntilStatusAsync(1, "Available");
        await site.UntilStatusAsync(2, "Available");

        // TC_048_1 and TC_050_1: faulted stations.
        site.Station(1).Station.SetError(1);
        site.Station(2).Station.SetError(1);
        await site.UntilStatusAsync(1, "Faulted");
        await site.UntilStatusAsync(2, "Faulted");
        Assert.Equal("Faulted", await ReserveAsync(site, connector: 1, Reserving, id: 23, TimeSpan.FromHours(1)));
        Assert.Equal("Faulted", await ReserveAsync(site, connector: 0, Reserving, id: 23, TimeSpan.FromHours(1)));
        Assert.Empty(site.Demo.Service<ChargePointReservations>().Book.Current.All);
        Peer.AssertClean(site.Identity);
    }

    private static async Task<string?> ReserveAsync(OcppSite site, int connector, string idTag, int id, TimeSpan validFor)
    {
        var expiry = (site.Time.GetUtcNow() + validFor).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        return Status(await site.CallAsync("ReserveNow", OcppSite.Json($$"""{"connectorId":{{connector}},"expiryDate":"{{expiry}}","idTag":"{{idTag}}","reservationId":{{id}}}""")));
    }

    private static string? Status(JsonElement reply) => reply.GetProperty("status").GetString();
}
