using System.Globalization;
using OpenCpm.Core.Configuration;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;
using K = OpenCpm.Provisioning.ConfigKeys;

namespace OpenCpm.Provisioning;

/// <summary>
/// Applies a configuration file to a <see cref="SettingsBatch"/>: each known section onto the settings it names, with
/// what the file leaves out kept as it is. Values that can't be read become problems naming line and variable (the
/// batch is then not saved); unknown sections and variables, and those recognised but not applied, become notices.
/// </summary>
internal sealed class ConfigFileReader(IniDocument document, string serial)
{
    private readonly List<IniProblem> _problems = [];
    private readonly List<string> _notices = [];

    public IReadOnlyList<IniProblem> Problems => _problems;

    public IReadOnlyList<string> Notices => _notices;

    /// <summary>The per-device entries the file holds (for the rule that a file named without a serial has none).</summary>
    public IReadOnlyList<IniProblem> PerDeviceEntries() =>
    [
        .. Entries(K.Device, K.Serial),
        .. Entries(K.Ocpp, K.ChargeBoxIdentity),
        .. Entries(K.Network, K.HotspotSsid),
        .. Entries(K.Network, K.HotspotKey),
        .. ConnectorSections().SelectMany(c => new[] { K.StationSerial, K.Address, K.Id }
            .Select(c.Section.Find).OfType<IniEntry>().Where(e => e.Value.Length > 0)
            .Select(e => new IniProblem(e.Line, c.Section.Name, e.Key, "is a per-device entry"))),
    ];

    public void ApplyTo(SettingsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { K.Device, K.Network, K.Ocpp, K.LoadManagement, K.Meter, K.Authorization, K.Display, K.Clusters };
        foreach (var section in document.Sections.Where(s => !known.Contains(s.Name) && ConnectorNumber(s) is null))
        {
            _notices.Add(string.Create(CultureInfo.InvariantCulture, $"line {section.Line}: section [{section.Name}] is not known and was ignored."));
        }

        Read(K.Device, r => ReadDevice(r, batch));
        Read(K.Network, ReadNetwork);
        Read(K.Ocpp, r => batch.Set(ReadOcpp(r, batch.Get<OcppBackendSettings>())));
        Read(K.LoadManagement, r => ReadLoadManagement(r, batch));
        Read(K.Meter, r => batch.Set(ReadMeter(r, batch.Get<MeterSettings>())));
        Read(K.Authorization, r => batch.Set(ReadAuthorization(r, batch.Get<AuthorizationSettings>())));
        Read(K.Display, r => ReadDisplay(r, batch));
        Read(K.Clusters, r => ReadClusters(r, batch));
        ReadConnectors(batch);
        if (_problems.Count > 0)
        {
            batch.Refuse(_problems.Select(p => p.ToString()));
        }
    }

    private void Read(string name, Action<IniSectionReader> read)
    {
        if (document.Find(name) is { } section)
        {
            var reader = new IniSectionReader(section, _problems);
            read(reader);
            ReportUnread(reader);
        }
    }

    private void ReportUnread(IniSectionReader reader)
    {
        foreach (var entry in reader.Unread)
        {
            _notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"line {entry.Line}: [{reader.Section.Name}] {entry.Key} is not a known variable and was ignored."));
        }
    }

    private void ReadDevice(IniSectionReader r, SettingsBatch batch)
    {
        if (r.Entry(K.Serial) is { Value.Length: > 0 } owner && owner.Value != serial)
        {
            r.Problem(owner, $"this file belongs to controller {owner.Value}, not to this one ({serial}); remove the entry to use the file on any controller.");
        }

        var site = batch.Site.Site;
        var voltage = r.Number(K.NominalVoltage, site.NominalVoltageV, 100, 400);
        if (voltage != site.NominalVoltageV)
        {
            batch.Site = batch.Site.WithLimits(site with { NominalVoltageV = voltage });
        }

        var device = batch.Get<DeviceSettings>();
        batch.Set(device with
        {
            AfterPowerFailure = r.Choice(K.AfterPowerFailure, device.AfterPowerFailure),
            AllowUsbInit = r.Bool(K.AllowUsbInit, device.AllowUsbInit),
            AllowUsbConfig = r.Bool(K.AllowUsbConfig, device.AllowUsbConfig),
            AllowUsbUpdate = r.Bool(K.AllowUsbUpdate, device.AllowUsbUpdate),
        });
    }

    private void ReadNetwork(IniSectionReader r)
    {
        foreach (var key in new[] { K.LocalDhcpServer, K.HotspotSsid, K.HotspotKey })
        {
            if (r.Entry(key) is { } entry)
            {
                _notices.Add(string.Create(CultureInfo.InvariantCulture,
                    $"line {entry.Line}: [{K.Network}] {entry.Key} was not applied: this controller's network is set up in its operating system."));
            }
        }
    }

    private static OcppBackendSettings ReadOcpp(IniSectionReader r, OcppBackendSettings o) => o with
    {
        Enabled = r.Bool(K.Enabled, o.Enabled),
        Url = r.Text(K.CentralSystemUrl, o.Url, 2000),
        ChargeBoxId = r.Text(K.ChargeBoxIdentity, o.ChargeBoxId, OcppBackendSettings.MaxChargeBoxIdLength),
        SecurityProfile = r.WholeNumber(K.SecurityProfile, o.SecurityProfile, 0, 3),
        AuthorizationKey = r.Secret(K.AuthorizationKey, o.AuthorizationKey, 200),
        HeartbeatIntervalSeconds = r.WholeNumber(K.HeartbeatInterval, o.HeartbeatIntervalSeconds, 10, 86400),
    };

    private static void ReadLoadManagement(IniSectionReader r, SettingsBatch batch)
    {
        var s = batch.Site.Site;
        var limits = s with
        {
            MaxCurrentA = r.Number(K.MaxCurrent, s.MaxCurrentA, 0, 10000),
            MaxPowerW = r.OptionalNumber(K.MaxPower, s.MaxPowerW, 0, 10_000_000),
            MinChargingCurrentA = r.Number(K.MinChargingCurrent, s.MinChargingCurrentA, 0, 80),
            UnbalancedLoadLimitA = r.OptionalNumber(K.UnbalancedLoadLimit, s.UnbalancedLoadLimitA, 0, 10000),
            RotationPeriod = TimeSpan.FromSeconds(r.Number(K.RotationPeriod, s.RotationPeriod.TotalSeconds, 0, 86400)),
            MeterFallbackPowerW = r.OptionalNumber(K.MeterFallbackPower, s.MeterFallbackPowerW, 0, 10_000_000),
        };
        if (limits != s)
        {
            batch.Site = batch.Site.WithLimits(limits);
        }

        var discovery = batch.Get<DiscoverySettings>();
        batch.Set(discovery with
        {
            ExpectedStations = r.WholeNumber(K.AmountConnectors, discovery.ExpectedStations, 0, 1000),
            BroadcastAddress = r.Text(K.DiscoveryBroadcastAddress, discovery.BroadcastAddress, 64) ?? discovery.BroadcastAddress,
            IntervalSeconds = r.WholeNumber(K.DiscoveryInterval, discovery.IntervalSeconds, 5, 3600),
        });
    }

    private static MeterSettings ReadMeter(IniSectionReader r, MeterSettings m) => m with
    {
        Enabled = r.Bool(K.Enabled, m.Enabled),
        ProfileId = r.Text(K.Profile, m.ProfileId, 64),
        Host = r.Text(K.Host, m.Host, 253),
        Port = r.WholeNumber(K.Port, m.Port, 1, 65535),
        UnitId = r.WholeNumber(K.UnitId, m.UnitId, 0, 255),
        PollSeconds = r.Number(K.PollSeconds, m.PollSeconds, 0.1, 60),
    };

    private static AuthorizationSettings ReadAuthorization(IniSectionReader r, AuthorizationSettings a) => a with
    {
        Enabled = r.Bool(K.Enabled, a.Enabled),
        OnlineMode = r.Choice(K.OnlineMode, a.OnlineMode),
        OfflineMode = r.Choice(K.OfflineMode, a.OfflineMode),
        PredefinedToken = r.Text(K.DefaultTokenId, a.PredefinedToken, AuthorizationSettings.MaxIdTagLength),
    };

    private void ReadDisplay(IniSectionReader r, SettingsBatch batch)
    {
        var display = batch.Get<DisplaySettings>();
        var texts = new List<DisplayText>();
        foreach (var displayEvent in Enum.GetValues<DisplayEvent>())
        {
            var own = display.Texts.FirstOrDefault(t => t.Event == displayEvent);
            var textEntry = r.Entry(displayEvent + K.TextSuffix);
            var text = own?.Text;
            if (textEntry is not null)
            {
                var check = DisplayTextRules.Check(textEntry.Value);
                if (check.Problem is { } problem)
                {
                    r.Problem(textEntry, problem + ".");
                }
                else
                {
                    text = check.Text.Length == 0 ? null : check.Text;
                    if (check.RemovedUnits.Count > 0)
                    {
                        _notices.Add(string.Create(CultureInfo.InvariantCulture,
                            $"line {textEntry.Line}: [{K.Display}] {textEntry.Key}: {string.Join(" and ", check.RemovedUnits)} taken out (units of energy are reserved for the energy the station shows); the text is \"{check.Text}\"."));
                    }
                }
            }

            var secondsEntry = r.Entry(displayEvent + K.SecondsSuffix);
            int? seconds = secondsEntry is null ? own?.DurationSeconds
                : secondsEntry.Value.Length == 0 ? null
                : r.WholeNumber(secondsEntry.Key, own?.DurationSeconds ?? 10, 1, DisplaySettings.MaxDurationSeconds);
            if (text is not null || seconds is not null)
            {
                texts.Add(new DisplayText(displayEvent, text, seconds ?? DisplayDefaults.For(display.Language, displayEvent).DurationSeconds));
            }
        }

        batch.Set(display with
        {
            Enabled = r.Bool(K.Enabled, display.Enabled),
            Language = r.Text(K.Language, display.Language, 8) ?? display.Language,
            Texts = texts,
        });
    }

    private static void ReadClusters(IniSectionReader r, SettingsBatch batch)
    {
        var site = batch.Site.Site;
        var enabled = r.Bool(K.Enabled, site.ClustersEnabled);
        var names = r.Section.Entries.Select(e => e.Key).Where(k => !string.Equals(k, K.Enabled, StringComparison.OrdinalIgnoreCase))
            .Select(k => k.LastIndexOf('.') is var dot and > 0 ? k[..dot] : k).Distinct(StringComparer.Ordinal).ToList();
        var clusters = new List<ClusterSettings>();
        foreach (var name in names)
        {
            var existing = site.Clusters.FirstOrDefault(c => c.Id == name) ?? new ClusterSettings { Id = name };
            var maxCurrent = r.Entry(name + K.ClusterMaxCurrent);
            if (maxCurrent is null)
            {
                var first = r.Section.Entries.First(e => e.Key.StartsWith(name, StringComparison.Ordinal));
                r.Problem(first, $"cluster \"{name}\" needs {name}{K.ClusterMaxCurrent} (variables of a cluster are NAME{K.ClusterMaxCurrent}, NAME{K.ClusterPhases}, NAME{K.ClusterMinChargingCurrent}).");
                continue;
            }

            clusters.Add(existing with
            {
                MaxCurrentA = r.Number(maxCurrent.Key, existing.MaxCurrentA, 0, 10000),
                Phases = ReadPhases(r, name + K.ClusterPhases, existing.Phases),
                MinChargingCurrentA = r.OptionalNumber(name + K.ClusterMinChargingCurrent, existing.MinChargingCurrentA, 0, 80),
            });
        }

        batch.Site = batch.Site.WithLimits(site with { ClustersEnabled = enabled, Clusters = clusters });
    }

    private static PhaseSet ReadPhases(IniSectionReader r, string key, PhaseSet fallback)
    {
        if (r.Entry(key) is not { } entry)
        {
            return fallback;
        }

        var phases = PhaseSet.None;
        foreach (var word in entry.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<Phase>(word, ignoreCase: true, out var phase) || !Enum.IsDefined(phase) || char.IsAsciiDigit(word[0]))
            {
                r.Problem(entry, $"must list phases such as \"L1 L2 L3\" but is \"{entry.Value}\".");
                return fallback;
            }

            phases = phases.Union(PhaseSet.Of(phase));
        }

        return phases;
    }

    private void ReadConnectors(SettingsBatch batch)
    {
        var sections = ConnectorSections();
        var identified = sections.Where(c => HasIdentity(c.Section)).ToList();
        var configuration = batch.Site;
        if (identified.Count > 0)
        {
            // The file lists the network: these stations, no others.
            foreach (var (section, _) in sections.Where(c => !HasIdentity(c.Section)))
            {
                _problems.Add(new IniProblem(section.Line, section.Name, null,
                    $"names no station ({K.StationSerial} or {K.Address}) while other CONNECTOR sections do: identify every station or none."));
            }

            var listed = sections.Select(c => ReadListed(c.Section, c.Number, configuration)).ToList();
            configuration = listed.Aggregate(
                configuration.ChargePoints.Aggregate(configuration, (s, cp) => s.WithoutChargePoint(cp.Id)),
                (s, cp) => s.WithChargePoint(cp));
        }
        else
        {
            foreach (var (section, number) in sections)
            {
                var reader = new IniSectionReader(section, _problems);
                if (configuration.ChargePoints.FirstOrDefault(c => c.ConnectorId == number) is { } existing)
                {
                    configuration = configuration.WithChargePoint(ReadParameters(reader, existing));
                }
                else
                {
                    _notices.Add(string.Create(CultureInfo.InvariantCulture,
                        $"line {section.Line}: [{section.Name}] was not applied: this controller has no charge point with connector number {number} yet (a station found later gets default parameters)."));
                    foreach (var entry in section.Entries)
                    {
                        reader.Skip(entry.Key);
                    }
                }

                if (reader.Entry(K.Id) is { Value.Length: > 0 } id)
                {
                    _notices.Add(string.Create(CultureInfo.InvariantCulture,
                        $"line {id.Line}: [{section.Name}] {K.Id} was not applied: it is a per-device entry and this file names no station."));
                }

                reader.Skip(K.StationSerial);
                reader.Skip(K.Address);
                ReportUnread(reader);
            }
        }

        if (document.Find(K.LoadManagement)?.Find(K.AmountConnectors) is { } amount && int.TryParse(amount.Value, CultureInfo.InvariantCulture, out var stations))
        {
            // A station the file doesn't name is searched for (manual 7.2.3): discovery runs while some are missing.
            batch.Set(batch.Get<DiscoverySettings>() with { Enabled = stations > configuration.ChargePoints.Count });
        }

        batch.Site = configuration;
    }

    private ChargePointInstallation ReadListed(IniSection section, int number, SiteConfiguration configuration)
    {
        var reader = new IniSectionReader(section, _problems);
        var stationSerial = reader.Text(K.StationSerial, null, 64);
        var address = reader.Text(K.Address, null, 64);
        var existing = configuration.ChargePoints.FirstOrDefault(c => stationSerial is not null && c.Serial == stationSerial)
            ?? configuration.ChargePoints.FirstOrDefault(c => address is not null && c.Address == address);
        var id = reader.Text(K.Id, null, 64) ?? existing?.Id ?? string.Create(CultureInfo.InvariantCulture, $"cp{number}");
        var template = existing ?? new ChargePointInstallation { Settings = new ChargePointSettings { Id = id } };
        var installation = ReadParameters(reader, template with
        {
            Settings = template.Settings with { Id = id },
            Serial = stationSerial ?? existing?.Serial,
            Address = address ?? existing?.Address,
            ConnectorId = number,
        });
        ReportUnread(reader);
        return installation;
    }

    private static ChargePointInstallation ReadParameters(IniSectionReader r, ChargePointInstallation c)
    {
        var s = c.Settings;
        return c with
        {
            DisplayName = r.Text(K.Alias, c.DisplayName, 128),
            Driver = r.Choice(K.Driver, c.Driver),
            Settings = s with
            {
                Cluster = r.Text(K.Cluster, s.Cluster, 64),
                Connection = r.Choice(K.Connection, s.Connection),
                Rotation = r.Choice(K.PhaseRotation, s.Rotation),
                SinglePhase = r.Choice(K.SinglePhase, s.SinglePhase),
                MaxCurrentA = r.Number(K.MaxCurrent, s.MaxCurrentA, 0, 1000),
                FailsafeCurrentA = r.Number(K.FailsafeCurrent, s.FailsafeCurrentA, 0, 1000),
                UnbalancedLoadLimitA = r.OptionalNumber(K.UnbalancedLoadLimit, s.UnbalancedLoadLimitA, 0, 1000),
                PermanentlyLockedSocket = r.Bool(K.PermanentlyLocked, s.PermanentlyLockedSocket),
            },
        };
    }

    private List<(IniSection Section, int Number)> ConnectorSections() =>
        [.. document.Sections.Select(s => (Section: s, Number: ConnectorNumber(s))).Where(c => c.Number is not null).Select(c => (c.Section, c.Number!.Value))];

    private static int? ConnectorNumber(IniSection section) =>
        section.Name.StartsWith(K.Connector, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(section.Name.AsSpan(K.Connector.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number is >= 1 and <= 1000
            ? number
            : null;

    private static bool HasIdentity(IniSection section) =>
        section.Find(K.StationSerial) is { Value.Length: > 0 } || section.Find(K.Address) is { Value.Length: > 0 };

    private IEnumerable<IniProblem> Entries(string sectionName, string key) =>
        document.Find(sectionName)?.Find(key) is { Value.Length: > 0 } entry ? [new IniProblem(entry.Line, sectionName, entry.Key, "is a per-device entry")] : [];
}
