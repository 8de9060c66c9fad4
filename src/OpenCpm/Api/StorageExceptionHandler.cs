using Microsoft.AspNetCore.Diagnostics;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>
/// A request that failed because the database could not be written (a full disk, a read-only file) is answered 503
/// with a sentence, not 500, and the failure shows on /healthz (<see cref="StorageFaults"/>).
/// </summary>
internal sealed class StorageExceptionHandler(IProblemDetailsService problems, StorageFaults faults, ILogger<StorageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageFaults.IsStorageFailure(exception))
        {
            return false;
        }

        var reason = (exception.InnerException ?? exception).Message.TrimEnd('.');
        faults.Failed($"for {httpContext.Request.Method} {httpContext.Request.Path}", exception);
        ApiLog.StorageFailed(logger, httpContext.Request.Method, httpContext.Request.Path, reason);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = $"The controller could not write to its database ({reason}); nothing was changed. /healthz shows the problem until a write succeeds.",
            },
        });
    }
}
