using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Authorization;

/// <summary>/api/v1/cards over HTTP on a real host with its SQLite file.</summary>
public sealed class CardsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cards_are_added_changed_listed_and_removed_and_survive_a_restart()
    {
        using var data = new Shared.TempDirectory();
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await app.CreateClientAsync();
            var added = await client.PostAsJsonAsync("/api/v1/cards", new { uid = "04:a1:b2:c3", name = "Night shift", expiry = "2027-12-31", status = "Accepted" }, Ct);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal("04A1B2C3", (await added.JsonAsync()).GetProperty("uid").GetString());

            var changed = await client.PutAsJsonAsync("/api/v1/cards/04a1b2c3", new { name = "Night shift", status = "Blocked", chargePoints = new[] { "cp1" } }, Ct);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/cards", new { uid = "DEADBEEF", isMasterCard = true }, Ct)).StatusCode);
        }

        await using (var again = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await again.CreateClientAsync();
            var cards = await client.GetFromJsonAsync<JsonElement>("/api/v1/cards", Ct);
            Assert.Equal(2, cards.GetArrayLength());
            var card = await client.GetFromJsonAsync<JsonElement>("/api/v1/cards/04A1B2C3", Ct);
            Assert.Equal(("Blocked", "cp1"), (card.GetProperty("status").GetString(), card.GetProperty("chargePoints")[0].GetString()));
            Assert.Equal(JsonValueKind.Null, card.GetProperty("expiry").ValueKind);

            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/cards/04A1B2C3", Ct)).StatusCode);
            await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/cards/04A1B2C3", Ct), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/api/v1/cards/04A1B2C3", Ct), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Bad_cards_are_refused_with_a_sentence_naming_the_field_and_nothing_is_stored()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/cards", new { uid = "AA01", isMasterCard = true }, Ct)).StatusCode);

        var tooLong = await ProblemAssert.DetailAsync(await client.PostAsJsonAsync("/api/v1/cards", new { uid = new string('A', 21) }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("uid", tooLong, StringComparison.Ordinal);
        var duplicate = await ProblemAssert.DetailAsync(await client.PostAsJsonAsync("/api/v1/cards", new { uid = "aa01" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("AA01", duplicate, StringComparison.Ordinal);
        var secondMaster = await ProblemAssert.DetailAsync(await client.PostAsJsonAsync("/api/v1/cards", new { uid = "BB02", isMasterCard = true }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("master", secondMaster, StringComparison.OrdinalIgnoreCase);
        var status = await ProblemAssert.DetailAsync(await client.PostAsync("/api/v1/cards", JsonContent("""{"uid":"CC03","status":"Lost"}"""), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", status, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/v1/cards", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_CSV_import_replaces_the_list_all_or_nothing_and_the_export_round_trips()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/cards", new { uid = "0001" }, Ct)).StatusCode);
        const string Good = "\uFEFFuid;name;expiry;isMasterCard;status;chargePoints\r\nE3F76B8D;\"Smith; Anna\";2027-01-31;false;Accepted;cp1 cp2\r\n0A0B0C0D;Pool car;;true;Blocked;\r\n";
        const string Bad = "uid,name,expiry,isMasterCard,status,chargePoints\nE3F76B8D,Anna,2027-02-30,false,Accepted,\n";

        var refused = await ProblemAssert.DetailAsync(await client.PostAsync("/api/v1/cards/import", Csv(Bad), Ct), HttpStatusCode.BadRequest);
        Assert.StartsWith("Line 2:", refused, StringComparison.Ordinal);
        Assert.Contains("expiry", refused, StringComparison.Ordinal);
        Assert.Equal("0001", (await client.GetFromJsonAsync<JsonElement>("/api/v1/cards", Ct))[0].GetProperty("uid").GetString());

        var imported = await client.PostAsync("/api/v1/cards/import", Csv(Good), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var exported = await client.GetStringAsync("/api/v1/cards/export", Ct);
        Assert.Contains("E3F76B8D,Smith; Anna,2027-01-31,false,Accepted,cp1 cp2", exported, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/cards/import", Csv(exported), Ct)).StatusCode);
        Assert.Equal(exported, await client.GetStringAsync("/api/v1/cards/export", Ct));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/cards", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_thousand_cards_import_and_the_thousand_and_first_is_refused()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var csv = new StringBuilder("uid,name\n");
        for (var k = 0; k < 1000; k++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{k:X8},Card {k}\n");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/cards/import", Csv(csv.ToString()), Ct)).StatusCode);
        var refused = await ProblemAssert.DetailAsync(await client.PostAsJsonAsync("/api/v1/cards", new { uid = "FFFFFFFF" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("1000", refused.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1000, (await client.GetFromJsonAsync<JsonElement>("/api/v1/cards", Ct)).GetArrayLength());
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
