using System.Globalization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Simulation.Site;

namespace OpenCpm.Cli;

/// <summary>
/// The settings a new demo starts with, derived from the simulated stations: charge points cp1…cpN (KEBA, their
/// loopback address, serial and wiring, connector ids 1…N), a site limit of 60 % of 6 A per station (at least
/// 63 A) so that a full site has to queue, and optionally K clusters over consecutive charge points.
/// </summary>
internal static class DemoSiteSettings
{
    public const double FailsafeCurrentA = 6;

    public static string ChargePointId(int index) => string.Create(CultureInfo.InvariantCulture, $"cp{index + 1}");

    public static string ClusterId(int index) => string.Create(CultureInfo.InvariantCulture, $"cluster{index + 1}");

    /// <summary>max(63 A, 6 A × 60 % of the stations).</summary>
    public static double SiteLimitA(int stations) => Math.Max(63, Math.Round(6 * stations * 0.6, MidpointRounding.AwayFromZero));

    public static SiteSettings Site(IReadOnlyList<StationSetup> stations, int clusters)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var limitA = SiteLimitA(stations.Count);
        var clusterOf = Enumerable.Range(0, stations.Count).Select(k => clusters > 0 ? k * clusters / stations.Count : -1).ToArray();
        var clusterSettings = Enumerable.Range(0, clusters).Select(c => new ClusterSettings
        {
            Id = ClusterId(c),
            MaxCurrentA = Math.Min(limitA, Math.Max(16, Math.Round(6 * clusterOf.Count(x => x == c) * 0.75, MidpointRounding.AwayFromZero))),
        }).ToList();
        var failsafeFits = FailsafeCurrentA * stations.Count <= limitA
            && clusterSettings.Select((c, i) => FailsafeCurrentA * clusterOf.Count(x => x == i) <= c.MaxCurrentA).All(fits => fits);
        var chargePoints = stations.Select((s, k) => new ChargePointSettings
        {
            Id = ChargePointId(k),
            Cluster = clusterOf[k] >= 0 ? ClusterId(clusterOf[k]) : null,
            Connection = s.Wiring.Connection,
            Rotation = s.Wiring.Rotation,
            SinglePhase = s.Wiring.SinglePhase,
            MaxCurrentA = s.Profile.HardwareCurrentMilliA / 1000.0,
            FailsafeCurrentA = failsafeFits ? FailsafeCurrentA : 0,
        }).ToList();
        return new SiteSettings
        {
            MaxCurrentA = limitA,
            MinChargingCurrentA = SiteSettingsValidator.IecMinimumCurrentA,
            ClustersEnabled = clusters > 0,
            Clusters = clusterSettings,
            ChargePoints = chargePoints,
            // While the meter is lost, charging may go on at a quarter of the site's power.
            MeterFallbackPowerW = Math.Round(limitA * 0.25 * 3 * 230 / 100, MidpointRounding.AwayFromZero) * 100,
        };
    }

    /// <summary>Each charge point of <paramref name="site"/> as installed on its simulated station.</summary>
    public static IReadOnlyList<ChargePointInstallation> Installations(SiteSettings site, IReadOnlyList<StationSetup> stations)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(stations);
        return [.. stations.Select((s, k) => new ChargePointInstallation
        {
            Settings = site.ChargePoints[k],
            Driver = StationDriverKind.Keba,
            Address = s.Address.ToString(),
            Serial = s.Profile.Serial,
            ConnectorId = k + 1,
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Simulated P30 {k + 1}"),
        })];
    }
}
