using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace OpenCpm.Api;

/// <summary>
/// Answers a request the framework could not bind (malformed JSON, a wrong type, a missing body, a bad query
/// value) with problem+json whose detail names the problem, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var detail = bad.InnerException is JsonException json
            ? "The request body is not valid JSON for this call: " + json.Message
            : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = detail },
        });
    }
}
