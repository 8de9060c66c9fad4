using OpenCpm.Stations.Keba;

namespace OpenCpm.Hosting;

/// <summary>
/// The host's own settings (command line, then appsettings.json and the environment, then defaults), checked before
/// anything starts: a bad value stops start-up with one sentence naming the setting.
/// </summary>
internal sealed record HostSettings(string DataDirectory, string Urls, KebaOptions Keba, Ocpp.OcppLinkOptions Ocpp)
{
    public const string HttpsPortKey = "WebUi:HttpsPort";

    public const int DefaultHttpsPort = 8443;

    /// <summary>Where the web UI also answers over HTTPS once it has a certificate (System › Web UI certificate), on each address of <see cref="Urls"/>.</summary>
    public int HttpsPort { get; init; } = DefaultHttpsPort;

    /// <summary>Reads and checks the settings; throws <see cref="ArgumentException"/> with the sentence when one is not usable.</summary>
    public static HostSettings Read(ControllerOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var keba = configuration.GetSection(KebaOptions.Section).Get<KebaOptions>() ?? new KebaOptions();
        if (keba.Problem() is { } kebaProblem)
        {
            throw new ArgumentException(kebaProblem);
        }

        var ocpp = configuration.GetSection(global::OpenCpm.Ocpp.OcppLinkOptions.Section).Get<global::OpenCpm.Ocpp.OcppLinkOptions>() ?? new global::OpenCpm.Ocpp.OcppLinkOptions();
        if (ocpp.Problem() is { } ocppProblem)
        {
            throw new ArgumentException(ocppProblem);
        }

        var urls = options.Urls ?? NonEmpty(configuration["Urls"]) ?? ControllerOptions.DefaultUrls;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--urls must be http:// or https:// addresses such as {ControllerOptions.DefaultUrls}, not \"{url}\".");
            }
        }

        var dataDirectory = options.DataDirectory ?? NonEmpty(configuration["OpenCpm:DataDirectory"]) ?? ControllerOptions.DefaultDataDirectory;
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(dataDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"--data-dir must be a folder path, not \"{dataDirectory}\" ({e.Message})", e);
        }

        if (File.Exists(fullPath))
        {
            throw new ArgumentException($"--data-dir \"{fullPath}\" is a file, not a folder.");
        }

        var httpsPort = DefaultHttpsPort;
        if (NonEmpty(configuration[HttpsPortKey]) is { } port
            && (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out httpsPort) || httpsPort > 65535))
        {
            throw new ArgumentException($"--{HttpsPortKey} must be a TCP port from 0 to 65535, not \"{port}\".");
        }

        return new HostSettings(fullPath, urls, keba, ocpp) { HttpsPort = httpsPort };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
