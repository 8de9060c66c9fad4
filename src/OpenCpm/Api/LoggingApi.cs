using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// Logging (manual 8.1.5, 8.2.1): the event log and host logs as one ZIP, DEBUG for a chosen time, and clearing the
/// event log (manual 8.1.6, Device).
/// </summary>
internal static class LoggingApi
{
    public static RouteGroupBuilder MapLoggingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/system/logging").WithTags("System");
        group.MapGet("/", (DebugLogging debug) => TypedResults.Ok(debug.Status)).WithName("GetLogLevel")
            .WithSummary("The host log's level, the configured level, and until when DEBUG lasts.");
        group.MapPut("/", PutAsync).WithName("PutLogLevel")
            .WithSummary("DEBUG for debugMinutes (1..1440), then back to the configured level by itself; debugMinutes 0 ends it now.");
        group.MapGet("/archive", Archive).WithName("DownloadLogs")
            .WithSummary("A ZIP of the event log (CSV) and the host's log files.");
        api.MapDelete("/events", ClearAsync).WithTags("Events").WithName("ClearEvents")
            .WithSummary("Deletes the whole event log (one entry records who did).");
        return api;
    }

    private static async Task<Results<Ok<LogLevelStatus>, ProblemHttpResult>> PutAsync(
        LogLevelRequest body, DebugLogging debug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.DebugMinutes == 0)
        {
            await debug.DisableAsync(user.UserName(), cancellationToken);
        }
        else if (await debug.EnableAsync(TimeSpan.FromMinutes(body.DebugMinutes), user.UserName(), cancellationToken) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        return TypedResults.Ok(debug.Status);
    }

    private static PushStreamHttpResult Archive(LogArchive archive, CancellationToken cancellationToken) =>
        TypedResults.Stream(stream => archive.WriteAsync(stream, cancellationToken), LogArchive.ContentType, archive.FileName);

    private static async Task<NoContent> ClearAsync(EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await events.ClearByAsync(user.UserName(), DebugLogging.EventSource, cancellationToken);
        return TypedResults.NoContent();
    }
}
