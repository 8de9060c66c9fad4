using System.Net;

namespace OpenCpm.Cli;

/// <summary>What `opencpm demo` was asked for (plus what tests need to run demos side by side).</summary>
internal sealed record DemoOptions
{
    public const int DefaultStations = 10;
    public const int MaxStations = 1000;

    public int Stations { get; init; } = DefaultStations;

    /// <summary>Number of clusters the charge points are spread over (0 = none).</summary>
    public int Clusters { get; init; }

    /// <summary>The SQLite folder; null = a fresh temp folder.</summary>
    public string? DataDirectory { get; init; }

    public string? Urls { get; init; }

    public string? AdminPassword { get; init; }

    public string? CsmsUrl { get; init; }

    public string? ChargeBoxId { get; init; }

    /// <summary>Where the controller's KEBA endpoint listens: the address the simulated stations answer to.</summary>
    public string KebaAddress { get; init; } = "127.0.0.1";

    /// <summary>The stations' addresses; null = the defaults 127.0.0.11, 127.0.0.12, … (tests use unique ones).</summary>
    public IReadOnlyList<IPAddress>? StationAddresses { get; init; }

    /// <summary>A real site's file to try on simulators (<c>--site</c>): one simulated station per charge point; null = the demo's own site.</summary>
    public Provisioning.SiteFile? Site { get; init; }

    /// <summary>Further host settings as <c>--Section:Key=Value</c> (after the demo's own, so they win).</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>What is wrong with the options, as one sentence, or null.</summary>
    public string? Problem()
    {
        if (Stations is < 1 or > MaxStations)
        {
            return FormattableString.Invariant($"--stations must be 1..{MaxStations} but is {Stations}.");
        }

        if (Site is { } site && site.ChargePoints.Count != Stations)
        {
            return FormattableString.Invariant($"The site file has {site.ChargePoints.Count} charge points but {Stations} stations were asked for.");
        }

        if (Site is not null && Clusters != 0)
        {
            return "--clusters can't be used with --site: the site file gives the clusters.";
        }

        if (StationAddresses is { } addresses && addresses.Count != Stations)
        {
            return FormattableString.Invariant($"{addresses.Count} station addresses were given for {Stations} stations.");
        }

        if (Clusters < 0 || Clusters > Core.LoadManagement.SiteSettingsValidator.MaxClusters || Clusters > Stations)
        {
            return FormattableString.Invariant(
                $"--clusters must be 0..{Math.Min(Core.LoadManagement.SiteSettingsValidator.MaxClusters, Stations)} (at most 15 and at most one per station) but is {Clusters}.");
        }

        if (!IPAddress.TryParse(KebaAddress, out _))
        {
            return $"The KEBA address must be an IP address but is \"{KebaAddress}\".";
        }

        if (AdminPassword is { } preset && Security.PasswordPolicy.Check(preset) is { } password)
        {
            return $"--admin-password is not valid: {password.Replace("The new password", "it", StringComparison.Ordinal)}";
        }

        if ((CsmsUrl is not null || ChargeBoxId is not null) && Backend().Validate() is [var first, ..])
        {
            return first;
        }

        return null;
    }

    /// <summary>The OCPP backend settings that --csms-url / --charge-box-id preset.</summary>
    public Data.OcppBackendSettings Backend() => new()
    {
        Enabled = !string.IsNullOrWhiteSpace(CsmsUrl),
        Url = CsmsUrl,
        ChargeBoxId = ChargeBoxId ?? (string.IsNullOrWhiteSpace(CsmsUrl) ? null : "opencpm-demo"),
    };
}
