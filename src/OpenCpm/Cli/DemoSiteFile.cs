using System.Net;
using OpenCpm.Api;
using OpenCpm.Data;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Provisioning;
using OpenCpm.Simulation;
using OpenCpm.Simulation.Site;
using OpenCpm.Simulation.Stations;

namespace OpenCpm.Cli;

/// <summary>
/// <c>opencpm demo --site site.json</c>: a real site's file tried against simulators — one simulated KEBA P30 per
/// charge point, wired as the file says, on a loopback address instead of the station's, and the simulated grid meter
/// (of the file's meter profile when the simulator has it) instead of the real one. Everything else of the file (limits,
/// clusters, currents, authorization) is used as it is.
/// </summary>
internal static class DemoSiteFile
{
    /// <summary>The simulated stations for the file's charge points, in order, on <paramref name="addresses"/> (default: 127.0.0.11, …).</summary>
    public static IReadOnlyList<StationSetup> Stations(SiteFile file, IReadOnlyList<IPAddress>? addresses)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. file.ChargePoints.Select((cp, k) =>
        {
            var standard = StationSetup.Default(k, addresses?[k] ?? StationSetup.DefaultAddress(k));
            var wiring = new StationWiring { Connection = cp!.Connection, Rotation = cp.Rotation, SinglePhase = cp.SinglePhase };
            var profile = cp.Serial is { Length: >= 6 and <= 10 } serial && serial.All(char.IsAsciiDigit) ? KebaStationProfile.CSeries(serial) : standard.Profile;
            return standard with { Profile = profile, Wiring = wiring };
        })];
    }

    /// <summary>The meter the simulator serves: the file's profile when it is a built-in one, else the demo's default.</summary>
    public static string MeterProfileId(SiteFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Meter?.Profile is { } id && MeterProfileCatalog.BuiltIn.Find(id) is not null ? id : SimulatedSiteOptions.DefaultMeterProfileId;
    }

    /// <summary>The file with every charge point on its simulated station (KEBA, its address and serial) and the meter on the simulated one.</summary>
    public static SiteFile ForSimulation(SiteFile file, SimulatedSite site)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(site);
        return file with
        {
            ChargePoints = [.. file.ChargePoints.Select((cp, k) => cp! with
            {
                Driver = StationDriverKind.Keba,
                Address = site.Stations[k].Address.ToString(),
                Serial = site.Stations[k].Serial,
            })],
            Meter = (file.Meter ?? new MeterSettingsDto()) with
            {
                Enabled = true,
                Profile = site.Meter.Profile.Id,
                Host = site.MeterAddress.ToString(),
                Port = site.MeterPort,
                Unit = 1,
            },
        };
    }
}
