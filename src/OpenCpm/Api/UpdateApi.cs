using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Security;
using OpenCpm.Updates;

namespace OpenCpm.Api;

/// <summary>/api/v1/system/update: the installed version and update state; POST a signed update package (the body) to install it.</summary>
internal static class UpdateApi
{
    public static RouteGroupBuilder MapUpdateApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/system/update").WithTags("System");
        group.MapGet("/", (SoftwareUpdates updates) => TypedResults.Ok(updates.Status())).WithName("GetSoftwareUpdate")
            .WithSummary("The running version, where versions are installed, current and previous, the last update, and what each station can update.");
        group.MapPost("/", InstallAsync).WithName("InstallSoftwareUpdate")
            .WithSummary("Installs a signed update package (the request body); 202 then the controller restarts into it, 400 with the reason when refused (nothing changed).");
        return api;
    }

    private static async Task<Results<Accepted<UpdateResult>, ProblemHttpResult>> InstallAsync(
        HttpContext context, SoftwareUpdates updates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UpdatePackageReader.MaxTotalBytes;
        }

        var result = await updates.InstallAsync(context.Request.Body, "an upload", user.UserName(), cancellationToken);
        return result.Installed
            ? TypedResults.Accepted("/api/v1/system/update", result)
            : TypedResults.Problem(detail: result.Message, statusCode: StatusCodes.Status400BadRequest, title: "Update refused");
    }
}
