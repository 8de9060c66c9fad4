namespace OpenCpm.Security;

/// <summary>
/// The Web UI certificate page: the certificate in use (null: HTTP only), the one before it (the way back), the
/// addresses that serve HTTPS now, and the HTTPS port the certificate opens.
/// </summary>
internal sealed record WebUiCertificateStatus(WebUiCertificateInfo? Active, WebUiCertificateInfo? Previous, IReadOnlyList<string> HttpsAddresses, int HttpsPort);
