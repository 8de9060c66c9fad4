namespace OpenCpm.Hosting;

/// <summary>
/// The controller process: reads as a table of contents of its areas. To add an area, write
/// <c>builder.AddXxx()</c> in Hosting/XxxExtensions.cs and call it here; to add a REST resource, write
/// <c>api.MapXxxApi()</c> in Api/XxxApi.cs and call it in <see cref="ApiExtensions.MapApi"/>. What only one command
/// needs (the demo's simulated site and /api/v1/sim) goes through <see cref="ControllerOptions.ConfigureServices"/>
/// and <see cref="ControllerOptions.MapApiExtensions"/>.
/// </summary>
internal static class ControllerHost
{
    public static WebApplication Build(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. options.HostArgs],
            ContentRootPath = AppContext.BaseDirectory,
            // The web UI's static-asset manifests carry the executable's name, also when a test process hosts it.
            ApplicationName = typeof(ControllerHost).Assembly.GetName().Name,
        });
        var hostSettings = HostSettings.Read(options, builder.Configuration);
        builder.AddEndpoints(hostSettings);

        builder.AddLogging(hostSettings.DataDirectory);
        builder.AddHardening();
        builder.AddStorage(hostSettings.DataDirectory);
        builder.AddSecurity(options.AdminPassword);
        builder.AddStations(hostSettings.Keba);
        builder.AddCardAuthorization();
        builder.AddSmartCharging();
        builder.AddSiteController();
        builder.AddOcppLink(hostSettings.Ocpp);
        builder.AddMaintenance();
        builder.AddApi();
        builder.AddWebUi();
        options.ConfigureServices?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        var api = app.MapApi();
        options.MapApiExtensions?.Invoke(api);
        app.MapHealth();
        app.MapWebUi();
        return app;
    }

    /// <summary>The first-login password of <c>admin</c> generated at start (null if users existed or one was preset).</summary>
    public static string? GeneratedAdminPassword(this WebApplication app) =>
        app.Services.GetRequiredService<Security.AdminBootstrap>().GeneratedPassword;

    /// <summary>The recovery key drawn at this start (the controller's first), to show once; null when one existed.</summary>
    public static string? GeneratedRecoveryKey(this WebApplication app) =>
        app.Services.GetRequiredService<Security.RecoveryKeys>().GeneratedKey;

    /// <summary>The addresses Kestrel listens on (after start; port 0 resolved).</summary>
    public static IReadOnlyList<string> ListeningAddresses(this WebApplication app) =>
        [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses];
}
