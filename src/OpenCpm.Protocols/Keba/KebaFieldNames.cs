namespace OpenCpm.Protocols.Keba;

/// <summary>
/// The spelling of every key a P30 is known to send, so a key that arrives in another case (<c>"E Pres"</c> for
/// <c>"E pres"</c>) is stored under one name.
/// </summary>
public static class KebaFieldNames
{
    private static readonly Dictionary<string, string> Known = new[]
    {
        "ID", "Product", "Serial", "Firmware", "COM-module", "Backend", "timeQ", "setBoot", "DIP-Sw1", "DIP-Sw2", "Sec",
        "State", "Error1", "Error2", "Plug", "AuthON", "Authreq", "Enable sys", "Enable user", "Max curr", "Max curr %",
        "Curr HW", "Curr user", "Curr FS", "Tmo FS", "Curr timer", "Tmo CT", "Setenergy", "Output", "Input",
        "X2 phaseSwitch source", "X2 phaseSwitch", "U1", "U2", "U3", "I1", "I2", "I3", "P", "PF", "E pres", "E total",
        "Session ID", "E start", "started[s]", "ended[s]", "started", "ended", "reason", "RFID tag", "RFID class",
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The usual spelling of <paramref name="name"/>, or the name itself when it is not a known key.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Known.TryGetValue(name, out var canonical) ? canonical : name;
    }
}
