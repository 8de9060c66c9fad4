using System.Net;
using System.Net.Sockets;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Data;

/// <summary>
/// Finding KEBA stations on the LAN by broadcasting <c>i</c> (manual: the M20 searches until it has found
/// <c>AmountConnectors</c> stations). Found stations are added as charge points with safe defaults.
/// </summary>
internal sealed record DiscoverySettings : ISettingsDocument<DiscoverySettings>
{
    public static string Key => "discovery";

    public static DiscoverySettings Default { get; } = new();

    public bool Enabled { get; init; }

    /// <summary>How many stations the site has (the manual's AmountConnectors); 0 = search once at start.</summary>
    public int ExpectedStations { get; init; }

    /// <summary>Where the <c>i</c> probe goes: the LAN's broadcast address.</summary>
    public string BroadcastAddress { get; init; } = "255.255.255.255";

    /// <summary>Seconds between searches while stations are missing.</summary>
    public int IntervalSeconds { get; init; } = 30;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ExpectedStations is < 0 or > 1000)
        {
            errors.Add(FormattableString.Invariant($"The expected number of stations must be 0..1000 but is {ExpectedStations}."));
        }

        if (!IPAddress.TryParse(BroadcastAddress, out var address) || address.ToString() != BroadcastAddress || address.AddressFamily != AddressFamily.InterNetwork)
        {
            errors.Add($"The broadcast address must be an IPv4 address written as four numbers (a.b.c.d) but is \"{LogText.Escape(BroadcastAddress)}\".");
        }
        else if (address.Equals(IPAddress.Any) || InstallationRules.IsMulticast(address))
        {
            errors.Add($"The broadcast address must be the LAN's broadcast address (such as 255.255.255.255 or 192.168.25.255), not {BroadcastAddress}.");
        }

        if (IntervalSeconds is < 5 or > 3600)
        {
            errors.Add(FormattableString.Invariant($"The search interval must be 5..3600 s but is {IntervalSeconds} s."));
        }

        return errors;
    }
}
