using System.Text.RegularExpressions;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// OCPP's anyURI as the schemas' <c>format: uri</c> checks it: a scheme, then only characters RFC 3986 allows
/// (percent escapes included), and a URI .NET can read as absolute.
/// </summary>
internal static partial class OcppUri
{
    public static bool IsAbsolute(string text) =>
        SchemeAndCharacters().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out _);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+\-.]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeAndCharacters();
}
