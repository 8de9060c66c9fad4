using System.Globalization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation;

namespace OpenCpm.LoopBench;

/// <summary>
/// The request bodies that configure the controller as `opencpm demo` seeds itself (src/OpenCpm/Cli/DemoSiteSettings.cs
/// and DemoSeeder.cs): site limit max(63 A, 6 A × 60 % × N), cp1…cpN on each station's address with its serial and
/// wiring, connector k + 1, a 6 A failsafe when all of them fit the limit, the meter on the simulated one.
/// </summary>
public static class DemoSite
{
    private const double FailsafeCurrentA = 6;

    public static double SiteLimitA(int stations) => Math.Max(63, Math.Round(6 * stations * 0.6, MidpointRounding.AwayFromZero));

    public static object Network(double siteLimitA) => new
    {
        MaxCurrentA = siteLimitA,
        MinChargingCurrentA = SiteSettingsValidator.IecMinimumCurrentA,
        ClustersEnabled = false,
        MeterFallbackPowerW = Math.Round(siteLimitA * 0.25 * 3 * 230 / 100, MidpointRounding.AwayFromZero) * 100,
    };

    public static object[] ChargePoints(SimulatedSite site, double siteLimitA)
    {
        ArgumentNullException.ThrowIfNull(site);
        var failsafeA = FailsafeCurrentA * site.Stations.Count <= siteLimitA ? FailsafeCurrentA : 0;
        return [.. site.Stations.Select(s => new
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"cp{s.Index + 1}"),
            Serial = s.Serial,
            Address = s.Address.ToString(),
            ConnectorId = s.Index + 1,
            Driver = "keba",
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Simulated P30 {s.Index + 1}"),
            Connection = s.Wiring.Connection.ToString(),
            Rotation = s.Wiring.Rotation.ToString(),
            SinglePhase = s.Wiring.SinglePhase.ToString(),
            MaxCurrentA = s.Setup.Profile.HardwareCurrentMilliA / 1000.0,
            FailsafeCurrentA = failsafeA,
        })];
    }

    public static object Meter(SimulatedSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new { Enabled = true, Profile = site.Meter.Profile.Id, Host = site.MeterAddress.ToString(), Port = site.MeterPort, Unit = 1, PollSeconds = 1.0 };
    }
}
