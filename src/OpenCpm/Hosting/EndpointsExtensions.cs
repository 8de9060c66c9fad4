using OpenCpm.Security;

namespace OpenCpm.Hosting;

internal static class EndpointsExtensions
{
    /// <summary>
    /// Where Kestrel listens: the addresses of <c>--urls</c> over HTTP, and once the web UI has a certificate
    /// (System › Web UI certificate) HTTPS at <see cref="HostSettings.HttpsPort"/> as well — as Kestrel configuration
    /// it follows at run time (<see cref="KestrelEndpoints"/>), so a new certificate needs no restart.
    /// </summary>
    public static WebApplicationBuilder AddEndpoints(this WebApplicationBuilder builder, HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = new WebUiCertificateFiles(settings.DataDirectory);
        var (certificate, _) = files.AtStart(TimeProvider.System.GetUtcNow());
        var endpoints = new KestrelEndpoints(settings.Urls, settings.HttpsPort, certificate);
        ((IConfigurationBuilder)builder.Configuration).Add(endpoints);
        // The endpoints above say where to listen; the host's own "urls" would only be overridden (with a warning).
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves HTTPS from configuration out
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: true));
        builder.Services.AddSingleton(files);
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton<WebUiCertificates>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebUiCertificates>());
        return builder;
    }
}
