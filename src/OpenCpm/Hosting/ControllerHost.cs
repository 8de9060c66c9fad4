namespace OpenCpm.Hosting;

/// <summary>The controller process: reads as a table of contents of its areas.</summary>
internal static class ControllerHost
{
    public static WebApplication Build(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. options.HostArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls ?? NonEmpty(builder.Configuration["Urls"]) ?? ControllerOptions.DefaultUrls);

        builder.AddLogging();
        builder.AddStorage(DataDirectory(options, builder.Configuration));
        builder.AddSecurity(options.AdminPassword);
        builder.AddApi();
        options.ConfigureServices?.Invoke(builder);

        var app = builder.Build();
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        var api = app.MapApi();
        options.MapApiExtensions?.Invoke(api);
        app.MapHealth();
        return app;
    }

    /// <summary>The first-login password of <c>admin</c> generated at start (null if users existed or one was preset).</summary>
    public static string? GeneratedAdminPassword(this WebApplication app) =>
        app.Services.GetRequiredService<Security.AdminBootstrap>().GeneratedPassword;

    /// <summary>The addresses Kestrel listens on (after start; port 0 resolved).</summary>
    public static IReadOnlyList<string> ListeningAddresses(this WebApplication app) =>
        [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses];

    private static string DataDirectory(ControllerOptions options, ConfigurationManager configuration) =>
        Path.GetFullPath(options.DataDirectory ?? NonEmpty(configuration["OpenCpm:DataDirectory"]) ?? ControllerOptions.DefaultDataDirectory);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
