namespace OpenCpm.Protocols.Ocpp;

/// <summary>Server-side subprotocol choice for stations that connect to us (OCPP-J §3.1–3.2).</summary>
public static class OcppSubprotocols
{
    /// <summary>
    /// The first of <paramref name="supported"/> that the client offered, reading the offer tolerantly (a KEBA x30 was seen
    /// sending <c>,ocpp2.0.1</c>: empty entries and white space are skipped); null when none matches, in which case the
    /// server must complete the handshake without a subprotocol and close at once.
    /// </summary>
    public static string? Choose(IEnumerable<string> offered, params IReadOnlyList<string> supported)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var offers = offered.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        return supported.FirstOrDefault(offers.Contains);
    }
}
