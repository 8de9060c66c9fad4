using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Transfers;

/// <summary>
/// How the FTP client waits and whom it trusts. <see cref="IdleTimeout"/>: the longest the server may stay silent (a
/// reply, a connection, the next bytes of a file) before the attempt fails — wall-clock, like HttpClient's timeouts.
/// <see cref="TrustedRoots"/>: null = an ftps server's certificate is checked against the system trust store (the
/// product); tests give their own root instead (host name and validity are still checked).
/// </summary>
internal sealed record FtpSettings
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    public TimeSpan IdleTimeout { get; init; } = DefaultIdleTimeout;

    public X509Certificate2Collection? TrustedRoots { get; init; }
}
