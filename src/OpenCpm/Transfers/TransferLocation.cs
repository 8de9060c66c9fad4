namespace OpenCpm.Transfers;

/// <summary>
/// Where the backend asks a file to be fetched from or sent to (UpdateFirmware, GetDiagnostics, GetLog): an absolute
/// http, https, ftp or ftps (explicit TLS) URL with a host. Other schemes (sftp…) are refused with a sentence saying
/// so. <see cref="Shown"/> is the URL without any <c>user:password@</c>, for logs.
/// </summary>
internal sealed record TransferLocation(Uri Uri)
{
    /// <summary>What the SupportedFileTransferProtocols key reports: what really works.</summary>
    public const string SupportedProtocols = "FTP,FTPS,HTTP,HTTPS";

    public const string FtpsScheme = "ftps";

    /// <summary>Port 21 unless the URL names one; ftps is explicit TLS (AUTH TLS) on the same port.</summary>
    public const int DefaultFtpPort = 21;

    public string Shown => Uri.UserInfo.Length > 0 ? new UriBuilder(Uri) { UserName = "", Password = "" }.Uri.ToString() : Uri.ToString();

    public bool IsFtp => IsFtpScheme(Uri);

    public int FtpPort => Uri.IsDefaultPort || Uri.Port < 0 ? DefaultFtpPort : Uri.Port;

    /// <summary>The user and password to log in with: <c>anonymous</c> when the URL names no user (RFC 1738).</summary>
    public (string User, string Password) FtpLogin
    {
        get
        {
            if (Uri.UserInfo.Length == 0)
            {
                return ("anonymous", "anonymous@");
            }

            var colon = Uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (Uri.UnescapeDataString(Uri.UserInfo), "")
                : (Uri.UnescapeDataString(Uri.UserInfo[..colon]), Uri.UnescapeDataString(Uri.UserInfo[(colon + 1)..]));
        }
    }

    /// <summary>The path's segments, unescaped, empty ones left out (RFC 1738: folders to CWD into, then the file).</summary>
    public IReadOnlyList<string> FtpSegments =>
        [.. Uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];

    /// <summary>Whether <paramref name="text"/> is usable; if not, <paramref name="problem"/> says why (and whether it is the scheme).</summary>
    public static bool TryParse(string? text, out TransferLocation? location, out TransferProblem? problem)
    {
        location = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            problem = new TransferProblem(TransferFailure.BadLocation, $"the location '{Security.LogText.Escape(text ?? "", 200)}' is not an absolute URL");
            return false;
        }

        if (uri.Scheme is "sftp" or "scp")
        {
            problem = new TransferProblem(TransferFailure.UnsupportedProtocol, $"the location {ShownUri(uri)} uses {uri.Scheme.ToUpperInvariant()}, which this controller does not support (only {SupportedProtocols})");
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps && !IsFtpScheme(uri))
        {
            problem = new TransferProblem(TransferFailure.UnsupportedProtocol, $"the location {ShownUri(uri)} uses the scheme '{uri.Scheme}', which this controller does not support (only {SupportedProtocols})");
            return false;
        }

        if (uri.Host.Length == 0)
        {
            problem = new TransferProblem(TransferFailure.BadLocation, $"the location {ShownUri(uri)} names no host");
            return false;
        }

        var parsed = new TransferLocation(uri);
        if (parsed.IsFtp && HasLineBreak(parsed))
        {
            problem = new TransferProblem(TransferFailure.BadLocation, $"the location {parsed.Shown} has a line break or NUL in its path or user name, which FTP can't carry");
            return false;
        }

        location = parsed;
        return true;
    }

    private static bool IsFtpScheme(Uri uri) => uri.Scheme == Uri.UriSchemeFtp || uri.Scheme == FtpsScheme;

    private static bool HasLineBreak(TransferLocation location)
    {
        var (user, password) = location.FtpLogin;
        return location.FtpSegments.Append(user).Append(password).Any(part => part.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0);
    }

    private static string ShownUri(Uri uri) => new TransferLocation(uri).Shown;
}
