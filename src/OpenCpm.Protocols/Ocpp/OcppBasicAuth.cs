using System.Net.Http.Headers;
using System.Text;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>HTTP Basic authentication of security profiles 1 and 2 (whitepaper §2.3): user = charge box identity, password = AuthorizationKey.</summary>
public static class OcppBasicAuth
{
    /// <summary>
    /// The password bytes an AuthorizationKey value stands for: the whitepaper sends the key hex-encoded (16–20 bytes as
    /// 32–40 hex digits, e.g. OCTT's <c>4F43415F…74657374</c> = "OCA_OCTT_admin_test"), so such a value is decoded;
    /// anything else is taken as the password itself in UTF-8.
    /// </summary>
    public static byte[] PasswordFromAuthorizationKey(string authorizationKey)
    {
        ArgumentNullException.ThrowIfNull(authorizationKey);
        return authorizationKey.Length is >= 32 and <= 40 && authorizationKey.Length % 2 == 0 && authorizationKey.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(authorizationKey)
            : Encoding.UTF8.GetBytes(authorizationKey);
    }

    /// <summary>The <c>Authorization</c> header value: <c>Basic base64(identity ":" password)</c>.</summary>
    public static AuthenticationHeaderValue Header(string identity, ReadOnlySpan<byte> password)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var user = Encoding.UTF8.GetBytes(identity + ":");
        var credentials = new byte[user.Length + password.Length];
        user.CopyTo(credentials, 0);
        password.CopyTo(credentials.AsSpan(user.Length));
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
    }
}
