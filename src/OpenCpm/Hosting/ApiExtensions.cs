using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCpm.Api;
using OpenCpm.Security;

namespace OpenCpm.Hosting;

internal static class ApiExtensions
{
    /// <summary>JSON (camelCase, enums as names only, finite numbers only), RFC 7807 problems for every error, the OpenAPI document.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new StrictEnumConverterFactory());
            json.SerializerOptions.Converters.Add(new FiniteNumberConverter());
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusProblems.AddDetail);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<StorageExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddOperationTransformer<AnonymousOperationTransformer>());
        return builder;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// The REST API: /api/v1/auth (login is the only anonymous call), then every resource on the /api/v1 group,
    /// which requires a valid token of a user who need not change their password. Returns that group so callers
    /// can map more resources on it. New resources of the controller are added here, one line each.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapRecoveryApi();
        var api = app.MapGroup("/api/v1").RequireAuthorization(SecurityPolicies.Api);
        api.MapStatusApi();
        api.MapChargePointsApi();
        api.MapSessionsApi();
        api.MapNetworkApi();
        api.MapSiteApi();
        api.MapDiscoveryApi();
        api.MapMeterApi();
        api.MapOcppApi();
        api.MapCertificatesApi();
        api.MapAuthorizationApi();
        api.MapCardsApi();
        api.MapEventsApi();
        api.MapConfigFileApi();
        api.MapDeviceApi();
        api.MapDisplayApi();
        api.MapSystemApi();
        api.MapLoggingApi();
        api.MapUpdateApi();
        api.MapUsbApi();
        api.MapSmartChargingApi();
        return api;
    }

    /// <summary>/healthz: "Healthy", or 503 with "Unhealthy: " and what is wrong (storage, settings), in plain text.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problems = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description ?? e.Status.ToString());
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : $"{report.Status}: {string.Join(" ", problems)}");
    }
}
