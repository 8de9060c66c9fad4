using Microsoft.AspNetCore.Diagnostics;

namespace OpenCpm.Api;

/// <summary>
/// Answers a request the framework could not bind (malformed JSON, a wrong type, a missing body, a bad query
/// value) with problem+json whose detail names the field and what it must be (<see cref="BindingProblemText"/>),
/// and whose <c>field</c> is the JSON path of the value at fault, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (detail, field) = BindingProblemText.Of(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = detail },
        };
        if (field is not null)
        {
            context.ProblemDetails.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(context);
    }
}
