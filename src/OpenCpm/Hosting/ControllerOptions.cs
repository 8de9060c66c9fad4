namespace OpenCpm.Hosting;

/// <summary>
/// What the command line decides about the controller host. Null values fall back to the host settings
/// (appsettings.json, environment variables such as <c>OpenCpm__DataDirectory</c> or <c>Urls</c>), then to defaults.
/// </summary>
internal sealed record ControllerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The folder of the SQLite database (created if missing).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where the web UI and API listen, e.g. <c>http://127.0.0.1:8080</c> (several separated by ';').</summary>
    public string? Urls { get; init; }

    /// <summary>Presets the password of the first user <c>admin</c> (no forced change); used only when no user exists.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>Further host settings as <c>--Section:Key=Value</c> arguments (log levels, …).</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>Adds services after the standard ones (the demo's simulated site, a test's fake clock, …).</summary>
    public Action<WebApplicationBuilder>? ConfigureServices { get; init; }

    /// <summary>Maps more endpoints on the authenticated /api/v1 group (the demo's /api/v1/sim, …).</summary>
    public Action<RouteGroupBuilder>? MapApiExtensions { get; init; }

    /// <summary>The per-user data folder used when nothing else says where: ~/.local/share/opencpm on Linux.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "opencpm");
}
