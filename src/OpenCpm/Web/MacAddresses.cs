using System.Net;

namespace OpenCpm.Web;

/// <summary>
/// The MAC address of a station as this host sees it: its neighbour (ARP) table, read from /proc/net/arp on Linux.
/// Unknown until the host has talked to the address, and always for addresses it reaches without a network card
/// (loopback, as in the demo).
/// </summary>
internal static class MacAddresses
{
    private const string ArpTable = "/proc/net/arp";

    public static IReadOnlyDictionary<string, string> Read()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(ArpTable).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length >= 4 && IPAddress.TryParse(columns[0], out _) && columns[3] != "00:00:00:00:00:00")
                {
                    table[columns[0]] = columns[3].ToUpperInvariant();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: no MAC addresses to show.
        }

        return table;
    }
}
