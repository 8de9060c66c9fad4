using System.Net;

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

        if (!IPAddress.TryParse(BroadcastAddress, out _))
        {
            errors.Add($"The broadcast address must be an IP address but is \"{BroadcastAddress}\".");
        }

        if (IntervalSeconds is < 5 or > 3600)
        {
            errors.Add(FormattableString.Invariant($"The search interval must be 5..3600 s but is {IntervalSeconds} s."));
        }

        return errors;
    }
}
