using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Authorization;
using OpenCpm.Core.Authorization;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>/api/v1/cards: the local RFID card list (manual 9.2.2; interfaces.md for the shapes and the CSV format).</summary>
internal static class CardsApi
{
    /// <summary>A CSV of 1,000 cards is well under this.</summary>
    private const int MaxCsvBytes = 1 << 20;

    public static RouteGroupBuilder MapCardsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cards").WithTags("Cards");
        group.MapGet("/", ListAsync).WithName("ListCards").WithSummary("Every card of the local list.");
        group.MapPost("/", AddAsync).WithName("AddCard").WithSummary("Adds a card (400 naming the field when it is not valid, or the list would not be).");
        group.MapGet("/export", ExportAsync).WithName("ExportCards").WithSummary("The card list as CSV (text/csv; uid,name,expiry,isMasterCard,status,chargePoints).");
        group.MapPost("/import", ImportAsync).WithName("ImportCards")
            .WithSummary("Replaces the card list with a CSV file (text/csv, ',' or ';'): all or nothing, errors name the line and the field.");
        group.MapGet("/{uid}", GetAsync).WithName("GetCard").WithSummary("One card.");
        group.MapPut("/{uid}", ReplaceAsync).WithName("PutCard").WithSummary("Changes a card.");
        group.MapDelete("/{uid}", DeleteAsync).WithName("DeleteCard").WithSummary("Removes a card.");
        return api;
    }

    private static async Task<Ok<CardDto[]>> ListAsync(CardService cards, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cards.GetAsync(cancellationToken)).Cards.Select(CardDto.From).ToArray());

    private static async Task<Results<Ok<CardDto>, ProblemHttpResult>> GetAsync(string uid, CardService cards, CancellationToken cancellationToken)
    {
        if (!CardUid.TryParse(uid, out var key, out var problem))
        {
            return ApiProblems.BadRequest($"The card UID {problem}.");
        }

        return (await cards.GetAsync(cancellationToken)).Find(key) is { } card
            ? TypedResults.Ok(CardDto.From(card))
            : ApiProblems.NotFound($"There is no card {key} in the list.");
    }

    private static async Task<Results<Created<CardDto>, ProblemHttpResult>> AddAsync(CardDto body, CardService cards, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (card, problem) = body.ToCard();
        if (card is null)
        {
            return ApiProblems.BadRequest(problem!);
        }

        var outcome = await cards.AddAsync(card, user.UserName(), cancellationToken);
        return outcome.IsSaved ? TypedResults.Created($"/api/v1/cards/{Uri.EscapeDataString(card.Uid.Value)}", CardDto.From(card)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<CardDto>, ProblemHttpResult>> ReplaceAsync(
        string uid, CardDto body, CardService cards, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (card, problem) = body.ToCard(uid);
        if (card is null)
        {
            return ApiProblems.BadRequest(problem!);
        }

        var outcome = await cards.ReplaceAsync(card.Uid, card, user.UserName(), cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(CardDto.From(card)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string uid, CardService cards, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!CardUid.TryParse(uid, out var key, out var problem))
        {
            return ApiProblems.BadRequest($"The card UID {problem}.");
        }

        var outcome = await cards.RemoveAsync(key, user.UserName(), cancellationToken);
        return outcome.IsSaved ? TypedResults.NoContent() : ApiProblems.From(outcome);
    }

    private static async Task<FileContentHttpResult> ExportAsync(CardService cards, CancellationToken cancellationToken) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await cards.ExportCsvAsync(cancellationToken)), "text/csv; charset=utf-8", "cards.csv");

    private static async Task<Results<Ok<CardDto[]>, ProblemHttpResult>> ImportAsync(HttpRequest request, CardService cards, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var read = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(read, cancellationToken)) > 0)
        {
            if (buffer.Length + n > MaxCsvBytes)
            {
                return ApiProblems.BadRequest($"The card list file is larger than {MaxCsvBytes / 1024} KB; a list of 1,000 cards is far smaller.");
            }

            buffer.Write(read, 0, n);
        }

        var outcome = await cards.ImportCsvAsync(buffer.ToArray(), user.UserName(), cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(outcome.Value!.Cards.Select(CardDto.From).ToArray()) : ApiProblems.From(outcome);
    }
}
