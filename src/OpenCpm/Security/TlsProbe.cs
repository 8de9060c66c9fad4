using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace OpenCpm.Security;

/// <summary>Whether an HTTPS address of this controller presents a given certificate now: a TLS handshake over loopback pinned to its thumbprint.</summary>
internal static class TlsProbe
{
    /// <summary>True when the address completes a TLS handshake with the certificate of SHA-1 <paramref name="thumbprint"/> (hex).</summary>
    public static async Task<bool> PresentsAsync(string httpsAddress, string thumbprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpsAddress);
        if (!Uri.TryCreate(httpsAddress.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var address = uri.HostNameType switch
        {
            UriHostNameType.IPv4 or UriHostNameType.IPv6 when IPAddress.Parse(uri.IdnHost) is var ip && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any) => ip,
            UriHostNameType.IPv6 => IPAddress.IPv6Loopback,
            _ => IPAddress.Loopback,
        };
        try
        {
            using var client = new TcpClient(address.AddressFamily);
            await client.ConnectAsync(address, uri.Port, cancellationToken);
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
                certificate is not null && string.Equals(Convert.ToHexString(certificate.GetCertHash()), thumbprint, StringComparison.OrdinalIgnoreCase));
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = uri.IdnHost }, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }
}
