namespace OpenCpm.Transfers;

/// <summary>
/// Where the backend asks a file to be fetched from or sent to (UpdateFirmware, GetDiagnostics, GetLog): an absolute
/// http or https URL with a host. FTP is refused with a sentence saying so (no FTP client library is available to the
/// project; docs/ocpp.md). <see cref="Shown"/> is the URL without any <c>user:password@</c>, for logs.
/// </summary>
internal sealed record TransferLocation(Uri Uri)
{
    /// <summary>What the SupportedFileTransferProtocols key reports: what really works.</summary>
    public const string SupportedProtocols = "HTTP,HTTPS";

    public string Shown => Uri.UserInfo.Length > 0 ? new UriBuilder(Uri) { UserName = "", Password = "" }.Uri.ToString() : Uri.ToString();

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

        if (uri.Scheme is "ftp" or "ftps" or "sftp")
        {
            problem = new TransferProblem(TransferFailure.UnsupportedProtocol, $"the location {ShownUri(uri)} uses {uri.Scheme.ToUpperInvariant()}, which this controller does not support (only {SupportedProtocols})");
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = new TransferProblem(TransferFailure.UnsupportedProtocol, $"the location {ShownUri(uri)} uses the scheme '{uri.Scheme}', which this controller does not support (only {SupportedProtocols})");
            return false;
        }

        if (uri.Host.Length == 0)
        {
            problem = new TransferProblem(TransferFailure.BadLocation, $"the location {ShownUri(uri)} names no host");
            return false;
        }

        location = new TransferLocation(uri);
        return true;
    }

    private static string ShownUri(Uri uri) => new TransferLocation(uri).Shown;
}
