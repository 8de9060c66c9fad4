namespace OpenCpm.Hosting;

/// <summary>
/// Kestrel's endpoints as configuration (<c>Kestrel:Endpoints</c>), which Kestrel follows at run time: an address of
/// <c>--urls</c> each, and — while the web UI has a certificate — an HTTPS endpoint at the HTTPS port of each of their
/// hosts, with that certificate (also for https addresses of <c>--urls</c>). Changing the certificate rebinds the
/// HTTPS endpoints without a restart; the HTTP ones stay as they are.
/// </summary>
internal sealed class KestrelEndpoints : ConfigurationProvider, IConfigurationSource
{
    private const string Prefix = "Kestrel:Endpoints:";

    private readonly string[] _urls;

    public KestrelEndpoints(string urls, int httpsPort, string? certificatePath)
    {
        ArgumentNullException.ThrowIfNull(urls);
        _urls = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        HttpsPort = httpsPort;
        Data = Build(certificatePath);
    }

    public int HttpsPort { get; }

    /// <summary>The certificate file the HTTPS endpoints use; null while there is none (HTTP only).</summary>
    public string? CertificatePath { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Serves HTTPS with the certificate at <paramref name="path"/> (null: no HTTPS); Kestrel rebinds what changed.</summary>
    public void Use(string? path)
    {
        Data = Build(path);
        OnReload();
    }

    /// <summary>The https:// address on <paramref name="port"/> for the host of an http:// <paramref name="url"/> (<c>*</c>, <c>+</c>, names, IPv4 and [IPv6] alike).</summary>
    public static string HttpsUrlFor(string url, int port)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        var host = colon > rest.LastIndexOf(']') ? rest[..colon] : rest;
        return FormattableString.Invariant($"https://{host}:{port}");
    }

    private Dictionary<string, string?> Build(string? certificatePath)
    {
        CertificatePath = certificatePath;
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _urls.Length; i++)
        {
            data[FormattableString.Invariant($"{Prefix}Url{i}:Url")] = _urls[i];
            if (certificatePath is not null && _urls[i].StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                data[FormattableString.Invariant($"{Prefix}Url{i}:Certificate:Path")] = certificatePath;
            }
        }

        if (certificatePath is not null)
        {
            var https = _urls.Where(u => u.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
                .Select(u => HttpsUrlFor(u, HttpsPort)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            for (var i = 0; i < https.Count; i++)
            {
                data[FormattableString.Invariant($"{Prefix}Https{i}:Url")] = https[i];
                data[FormattableString.Invariant($"{Prefix}Https{i}:Certificate:Path")] = certificatePath;
            }
        }

        return data;
    }
}
