using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/cards: the local RFID card list (interfaces.md). The routes are reserved; the card list itself comes with
/// the RFID authorization work, so until then every call answers 501 with a sentence saying so.
/// </summary>
internal static class CardsApi
{
    private const string NotYet = "The local RFID card list is not available in this version yet (it comes with RFID authorization).";

    public static RouteGroupBuilder MapCardsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cards").WithTags("Cards");
        group.MapMethods("/", ["GET", "POST"], NotImplemented).WithName("Cards").WithSummary("Reserved: the local card list.");
        group.MapMethods("/{uid}", ["GET", "PUT", "DELETE"], NotImplemented).WithName("Card").WithSummary("Reserved: one card.");
        group.MapPost("/import", NotImplemented).WithName("ImportCards").WithSummary("Reserved: import a card list (CSV).");
        group.MapGet("/export", NotImplemented).WithName("ExportCards").WithSummary("Reserved: export the card list (CSV).");
        return api;
    }

    private static ProblemHttpResult NotImplemented() => TypedResults.Problem(NotYet, statusCode: StatusCodes.Status501NotImplemented);
}
