using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Sessions;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/sessions: charging sessions of the last 12 months, filtered, paged, exported as CSV. Active sessions show
/// the newest energy recorded (<see cref="SessionService"/>).
/// </summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sessions").WithTags("Sessions");
        group.MapGet("/", ListAsync).WithName("ListSessions").WithSummary("Charging sessions, newest first, filtered by start time, card and charge point.");
        group.MapGet("/export", ExportAsync).WithName("ExportSessions").WithSummary("The matching sessions as CSV (text/csv), oldest first.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetSession").WithSummary("One charging session.");
        return api;
    }

    private static async Task<Results<Ok<PageDto<SessionDto>>, ProblemHttpResult>> ListAsync(
        SessionService sessions, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? card = null, string? chargePoint = null, int page = 1, int pageSize = 50)
    {
        if ((Paging.Check(page, pageSize, from, to) ?? Paging.CheckFilters(("card", card), ("chargePoint", chargePoint))) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var query = new SessionQuery { From = from, To = to, Card = card, ChargePoint = chargePoint, Page = page, PageSize = pageSize };
        var result = await sessions.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(new PageDto<SessionDto>([.. result.Items.Select(SessionDto.From)], result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        SessionService sessions, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? card = null, string? chargePoint = null)
    {
        if ((Paging.Check(1, 1, from, to) ?? Paging.CheckFilters(("card", card), ("chargePoint", chargePoint))) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var query = new SessionQuery { From = from, To = to, Card = card, ChargePoint = chargePoint };
        var csv = await sessions.ExportCsvAsync(query, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "sessions.csv");
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> GetAsync(
        long id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken) is { } session
            ? TypedResults.Ok(SessionDto.From(session))
            : ApiProblems.NotFound(FormattableString.Invariant($"Session {id} does not exist."));
}
