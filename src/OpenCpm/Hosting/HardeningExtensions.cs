using Microsoft.Net.Http.Headers;

namespace OpenCpm.Hosting;

/// <summary>
/// The HTTP hardening of the controller, in one place: no <c>Server</c> header, and on every answer the usual
/// security headers with a content security policy a Blazor Server UI with MudBlazor lives with (its scripts and
/// styles from this origin, the inline styles MudBlazor sets, its websocket to this origin); API answers are never
/// cached (<c>Cache-Control: no-store</c>: tokens and settings must not linger in a cache).
/// </summary>
internal static class HardeningExtensions
{
    /// <summary>
    /// 'self' covers the Blazor circuit's websocket (ws/wss to the same host, CSP level 3); 'unsafe-inline' is for
    /// styles only (MudBlazor sets style attributes); data: images and fonts for icons. No inline or eval'd script:
    /// a Blazor <c>&lt;ImportMap /&gt;</c> renders an inline import map, which needs its hash added to script-src here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
