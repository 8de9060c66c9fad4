using System.Globalization;
using OpenCpm.Core.Configuration;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;
using static OpenCpm.Core.Configuration.IniSectionReader;
using K = OpenCpm.Provisioning.ConfigKeys;

namespace OpenCpm.Provisioning;

/// <summary>
/// The settings as a configuration file (manual 7.2): every section the controller knows, secrets written empty, and
/// — unless <c>generic</c> — the per-device entries that tie the file to this controller and its stations.
/// </summary>
internal static class ConfigFileWriter
{
    public static IniDocument Write(SettingsSnapshot settings, string serial, string version, DateTimeOffset at, bool generic)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var site = settings.Site;
        var header = string.Create(CultureInfo.InvariantCulture, $"""
            OpenCPM configuration file (manual chapter 7), written {at:yyyy-MM-dd HH:mm:ss} UTC by OpenCPM {version}{(generic ? "" : $" on controller {serial}")}.
            {(generic
                ? "Without per-device entries: it configures any controller, which then finds AmountConnectors stations by itself."
                : "Per-device entries: [DEVICE] Serial, [OCPP] ChargeBoxIdentity and, per station, Connect2ConnectorSerial, Address and Id.\nRemove them and the serial from the file name to configure other controllers alike.")}
            Secrets are written empty; an empty secret keeps the one stored on the controller.
            A variable left out keeps its value; an empty value means none where a setting is optional.
            """);
        return new IniDocument(
        [
            Device(settings, serial, generic),
            new IniSection(K.Network, [])
            {
                Comment = $"{K.LocalDhcpServer}, {K.HotspotSsid} and {K.HotspotKey} are recognised but not applied: this controller's network is set up in its operating system.",
            },
            Ocpp(settings.Get<OcppBackendSettings>(), generic),
            LoadManagement(site, settings.Get<DiscoverySettings>()),
            Meter(settings.Get<MeterSettings>()),
            Authorization(settings.Get<AuthorizationSettings>()),
            Display(settings.Get<DisplaySettings>()),
            Clusters(site.Site),
            .. site.ChargePoints.OrderBy(c => c.ConnectorId).Select(c => Connector(c, generic)),
        ])
        {
            Comment = header,
        };
    }

    private static IniSection Device(SettingsSnapshot settings, string serial, bool generic)
    {
        var device = settings.Get<DeviceSettings>();
        return new IniSection(K.Device,
        [
            .. generic ? Array.Empty<IniEntry>() : [new IniEntry(K.Serial, serial) { Comment = "per-device: a file with a serial configures only that controller" }],
            new IniEntry(K.NominalVoltage, Format(settings.Site.Site.NominalVoltageV)),
            new IniEntry(K.AfterPowerFailure, device.AfterPowerFailure.ToString()) { Comment = "ResumeSessions or StayStopped (stations stay at 0 A until enabled)" },
            new IniEntry(K.AllowUsbInit, Format(device.AllowUsbInit)),
            new IniEntry(K.AllowUsbConfig, Format(device.AllowUsbConfig)),
            new IniEntry(K.AllowUsbUpdate, Format(device.AllowUsbUpdate)),
        ]);
    }

    private static IniSection Ocpp(OcppBackendSettings ocpp, bool generic) => new(K.Ocpp,
    [
        new IniEntry(K.Enabled, Format(ocpp.Enabled)),
        new IniEntry(K.CentralSystemUrl, ocpp.Url ?? ""),
        .. generic ? Array.Empty<IniEntry>() : [new IniEntry(K.ChargeBoxIdentity, ocpp.ChargeBoxId ?? "") { Comment = "per-device" }],
        new IniEntry(K.SecurityProfile, Whole(ocpp.SecurityProfile)) { Comment = "0 none, 1 basic auth, 2 basic auth over TLS, 3 client certificate" },
        new IniEntry(K.AuthorizationKey, "") { Comment = "secret: left empty keeps the stored key" },
        new IniEntry(K.HeartbeatInterval, Whole(ocpp.HeartbeatIntervalSeconds)),
    ]);

    private static IniSection LoadManagement(SiteConfiguration site, DiscoverySettings discovery)
    {
        var s = site.Site;
        return new IniSection(K.LoadManagement,
        [
            new IniEntry(K.MaxCurrent, Format(s.MaxCurrentA)),
            new IniEntry(K.MaxPower, Optional(s.MaxPowerW)),
            new IniEntry(K.MinChargingCurrent, Format(s.MinChargingCurrentA)),
            new IniEntry(K.UnbalancedLoadLimit, Optional(s.UnbalancedLoadLimitA)),
            new IniEntry(K.RotationPeriod, Format(s.RotationPeriod.TotalSeconds)),
            new IniEntry(K.MeterFallbackPower, Optional(s.MeterFallbackPowerW)) { Comment = "power all charging may take while the grid meter is lost; empty or 0 stops charging" },
            new IniEntry(K.AmountConnectors, Whole(Math.Max(site.ChargePoints.Count, discovery.ExpectedStations)))
            {
                Comment = "stations in the network; the controller searches for those no CONNECTOR section names",
            },
            new IniEntry(K.DiscoveryBroadcastAddress, discovery.BroadcastAddress),
            new IniEntry(K.DiscoveryInterval, Whole(discovery.IntervalSeconds)),
        ]);
    }

    private static IniSection Meter(MeterSettings meter) => new(K.Meter,
    [
        new IniEntry(K.Enabled, Format(meter.Enabled)),
        new IniEntry(K.Profile, meter.ProfileId ?? "") { Comment = "see `opencpm meter profiles`" },
        new IniEntry(K.Host, meter.Host ?? ""),
        new IniEntry(K.Port, Whole(meter.Port)),
        new IniEntry(K.UnitId, Whole(meter.UnitId)),
        new IniEntry(K.PollSeconds, Format(meter.PollSeconds)),
    ]);

    private static IniSection Authorization(AuthorizationSettings authorization) => new(K.Authorization,
    [
        new IniEntry(K.Enabled, Format(authorization.Enabled)),
        new IniEntry(K.OnlineMode, authorization.OnlineMode.ToString()),
        new IniEntry(K.OfflineMode, authorization.OfflineMode.ToString()),
        new IniEntry(K.DefaultTokenId, authorization.PredefinedToken ?? "") { Comment = "the id tag of sessions while authorization is off" },
    ])
    {
        Comment = "The RFID card list is not part of this file: it has its own CSV (RFID cards › export).",
    };

    private static IniSection Display(DisplaySettings display) => new(K.Display,
    [
        new IniEntry(K.Enabled, Format(display.Enabled)),
        new IniEntry(K.Language, display.Language) { Comment = string.Join(", ", DisplayDefaults.Languages) },
        .. Enum.GetValues<DisplayEvent>().SelectMany(e =>
        {
            var own = display.Texts.FirstOrDefault(t => t.Event == e);
            return new[]
            {
                new IniEntry(e + K.TextSuffix, own?.Text ?? ""),
                new IniEntry(e + K.SecondsSuffix, own is null ? "" : Whole(own.DurationSeconds)),
            };
        }),
    ])
    {
        Comment = "Texts of at most 20 letters, digits, spaces and . , : ! ? - (Wh and kWh are taken out); empty = the language's text.",
    };

    private static IniSection Clusters(SiteSettings site) => new(K.Clusters,
    [
        new IniEntry(K.Enabled, Format(site.ClustersEnabled)),
        .. site.Clusters.Where(c => IniConfigFile.IsWritableKey(c.Id + K.ClusterMaxCurrent)).SelectMany(c => new[]
        {
            new IniEntry(c.Id + K.ClusterMaxCurrent, Format(c.MaxCurrentA)),
            new IniEntry(c.Id + K.ClusterPhases, string.Join(' ', c.Phases.Phases())),
            new IniEntry(c.Id + K.ClusterMinChargingCurrent, Optional(c.MinChargingCurrentA)),
        }),
    ])
    {
        Comment = "One cluster per name: NAME.MaxCurrentA, NAME.Phases (e.g. L1 L2 L3), NAME.MinChargingCurrentA. Listing clusters replaces them all.",
    };

    private static IniSection Connector(ChargePointInstallation c, bool generic)
    {
        var s = c.Settings;
        IniEntry[] identity = generic ? [] :
        [
            new IniEntry(K.StationSerial, c.Serial ?? "") { Comment = "per-device" },
            new IniEntry(K.Address, c.Address ?? "") { Comment = "per-device" },
            new IniEntry(K.Id, c.Id) { Comment = "per-device" },
        ];
        return new IniSection(K.Connector + c.ConnectorId.ToString(CultureInfo.InvariantCulture),
        [
            .. identity,
            new IniEntry(K.Alias, OneLine(c.DisplayName)),
            new IniEntry(K.Driver, c.Driver.ToString()),
            new IniEntry(K.Cluster, s.Cluster ?? ""),
            new IniEntry(K.Connection, s.Connection.ToString()),
            new IniEntry(K.PhaseRotation, s.Rotation.ToString()),
            new IniEntry(K.SinglePhase, s.SinglePhase.ToString()),
            new IniEntry(K.MaxCurrent, Format(s.MaxCurrentA)),
            new IniEntry(K.FailsafeCurrent, Format(s.FailsafeCurrentA)),
            new IniEntry(K.UnbalancedLoadLimit, Optional(s.UnbalancedLoadLimitA)),
            new IniEntry(K.PermanentlyLocked, Format(s.PermanentlyLockedSocket)),
        ]);
    }

    private static string Optional(double? value) => value is { } v ? Format(v) : "";

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string? text) => text is null ? "" : string.Join(' ', text.Split(['\r', '\n', '\0'], StringSplitOptions.RemoveEmptyEntries));
}
