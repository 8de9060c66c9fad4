namespace OpenCpm.Api;

/// <summary>Gives the bare status answers of the framework (404, 405, 415, 500) a sentence that says what was wrong.</summary>
internal static class StatusProblems
{
    public static void AddDetail(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => $"There is no resource at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => $"The request body must be JSON (Content-Type: application/json) but is \"{request.ContentType}\".",
            StatusCodes.Status500InternalServerError => "The controller failed to handle the request; the log has the details.",
            _ => null,
        };
    }
}
