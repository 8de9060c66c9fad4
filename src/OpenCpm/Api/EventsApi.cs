using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/events: the operator's event log, newest first.</summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", ListAsync).WithTags("Events").WithName("ListEvents")
            .WithSummary("The event log, newest first, filtered by time, minimum level (Info, Warning, Error) and source.");
        return api;
    }

    private static async Task<Results<Ok<PageDto<EventEntry>>, ProblemHttpResult>> ListAsync(
        EventLog events, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, EventSeverity? level = null, string? source = null, int page = 1, int pageSize = 100)
    {
        if ((Paging.Check(page, pageSize, from, to) ?? Paging.CheckFilters(("source", source))) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var query = new EventQuery { From = from, To = to, MinLevel = level, Source = source, Page = page, PageSize = pageSize };
        var result = await events.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(new PageDto<EventEntry>(result.Items, result.PageNumber, result.PageSize, result.Total));
    }
}
