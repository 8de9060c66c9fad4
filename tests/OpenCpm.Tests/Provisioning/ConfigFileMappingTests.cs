using OpenCpm.Core.Configuration;
using OpenCpm.Data;
using OpenCpm.Provisioning;
using OpenCpm.Settings;

namespace OpenCpm.Tests.Provisioning;

public sealed class ConfigFileMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Export_then_import_on_a_fresh_controller_gives_back_every_setting_but_the_secret()
    {
        var rich = ConfigSamples.Rich();
        var text = Export(rich);

        var (after, reader) = Import(text, SettingsSnapshot.Empty);

        Assert.Empty(reader.Problems);
        Assert.Equal(text, Export(after));
        Assert.Null(after.Get<OcppBackendSettings>().AuthorizationKey);
        Assert.Equal(rich.Get<OcppBackendSettings>() with { AuthorizationKey = null }, after.Get<OcppBackendSettings>());
        Assert.Equal(rich.Get<MeterSettings>(), after.Get<MeterSettings>());
        Assert.Equal(rich.Get<AuthorizationSettings>(), after.Get<AuthorizationSettings>());
        Assert.Equal(rich.Get<DeviceSettings>(), after.Get<DeviceSettings>());
        Assert.Equal(rich.Site.Site with { ChargePoints = [], Clusters = [] }, after.Site.Site with { ChargePoints = [], Clusters = [] });
        Assert.Equal(rich.Site.Site.Clusters, after.Site.Site.Clusters);
        Assert.Equal(rich.Site.ChargePoints.OrderBy(c => c.ConnectorId), after.Site.ChargePoints);
    }

    [Fact]
    public void The_secret_is_written_empty_and_an_empty_secret_keeps_the_stored_one()
    {
        var rich = ConfigSamples.Rich();
        var text = Export(rich);

        Assert.DoesNotContain("s3cret-key-0123456789", text, StringComparison.Ordinal);
        Assert.Contains("AuthorizationKey = \n", text, StringComparison.Ordinal);
        var (after, _) = Import(text, rich);
        Assert.Equal("s3cret-key-0123456789", after.Get<OcppBackendSettings>().AuthorizationKey);
        var (replaced, _) = Import(text.Replace("AuthorizationKey = \n", "AuthorizationKey = new-key-0123456789ab\n", StringComparison.Ordinal), rich);
        Assert.Equal("new-key-0123456789ab", replaced.Get<OcppBackendSettings>().AuthorizationKey);
    }

    [Fact]
    public void The_exported_file_uses_the_manuals_names_and_marks_the_per_device_entries()
    {
        var text = Export(ConfigSamples.Rich());

        foreach (var expected in new[]
        {
            "[DEVICE]\n; per-device: a file with a serial configures only that controller\nSerial = 12345678\n",
            "[OCPP]\n", "; per-device\nChargeBoxIdentity = M20-77\n", "[LOADMANAGEMENT]\n", "AmountConnectors = 4\n",
            "[METER]\n", "[AUTHORIZATION]\n", "DefaultTokenID = FREE\n", "[DISPLAY]\n", "ChargingText = Charge rapide\n", "ChargingSeconds = 15\n",
            "[CLUSTERS]\n", "garage.MaxCurrentA = 32\n", "Hall B.Phases = L2\n", "[NETWORK]\n",
            "[CONNECTOR1]\n; per-device\nConnect2ConnectorSerial = 22011012\n", "[CONNECTOR2]\n", "Address = 192.168.10.21\n", "Id = gate-1\n",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.True(text.IndexOf("[CONNECTOR1]", StringComparison.Ordinal) < text.IndexOf("[CONNECTOR2]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_generic_file_has_no_per_device_entries_and_turns_discovery_on_for_AmountConnectors_on_another_controller()
    {
        var text = Export(ConfigSamples.Rich(), generic: true);
        foreach (var perDevice in new[] { "\nSerial =", "ChargeBoxIdentity", "Connect2ConnectorSerial", "\nAddress =", "\nId =", "12345678" })
        {
            Assert.DoesNotContain(perDevice, text, StringComparison.Ordinal);
        }

        var other = SettingsSnapshot.Empty.With(new OcppBackendSettings { ChargeBoxId = "OTHER-1" });
        var (after, reader) = Import(text, other, serial: "87654321");

        Assert.Empty(reader.Problems);
        Assert.Empty(after.Site.ChargePoints);
        Assert.Equal("OTHER-1", after.Get<OcppBackendSettings>().ChargeBoxId);
        Assert.Equal(63, after.Site.Site.MaxCurrentA);
        var discovery = after.Get<DiscoverySettings>();
        Assert.True(discovery.Enabled);
        Assert.Equal(4, discovery.ExpectedStations);
        Assert.Contains(reader.Notices, n => n.Contains("[CONNECTOR1] was not applied: this controller has no charge point with connector number 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_generic_connector_section_sets_the_parameters_of_the_charge_point_with_that_connector_number()
    {
        var rich = ConfigSamples.Rich();

        var (after, reader) = Import("[CONNECTOR2]\nMaxCurrentA = 20\nAlias = Renamed\nId = ignored\n", rich);

        Assert.Empty(reader.Problems);
        var gate = after.Site.Find("gate-1")!;
        Assert.Equal((20.0, "Renamed", "22011011", "192.168.10.21"), (gate.Settings.MaxCurrentA, gate.DisplayName, gate.Serial, gate.Address));
        Assert.Contains(reader.Notices, n => n.Contains("[CONNECTOR2] Id was not applied: it is a per-device entry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_lists_stations_replaces_the_charge_points_and_keeps_the_ids_of_known_serials()
    {
        var rich = ConfigSamples.Rich();

        var (after, reader) = Import("[CONNECTOR1]\nConnect2ConnectorSerial = 22011011\n[CONNECTOR2]\nConnect2ConnectorSerial = 30000001\nAddress = 192.168.10.40\n", rich);

        Assert.Empty(reader.Problems);
        Assert.Equal([("gate-1", 1, "192.168.10.21"), ("cp2", 2, "192.168.10.40")], after.Site.ChargePoints.Select(c => (c.Id, c.ConnectorId, c.Address!)));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "[DEVICE]\nSerial = 99999999\n", "line 2, [DEVICE] Serial: this file belongs to controller 99999999, not to this one (12345678); remove the entry to use the file on any controller." },
        { "[OCPP]\nSecurityProfile = 4\n", "line 2, [OCPP] SecurityProfile: must be a whole number from 0 to 3 but is \"4\"." },
        { "[LOADMANAGEMENT]\nMaxCurrentA = 63,5\n", "line 2, [LOADMANAGEMENT] MaxCurrentA: must be a number from 0 to 10000 but is \"63,5\" (write decimals with a point, not a comma)." },
        { "[AUTHORIZATION]\nOnlineMode = Sometimes\n", "line 2, [AUTHORIZATION] OnlineMode: must be one of FirstLocal, FirstOnline, OnlyLocal but is \"Sometimes\"." },
        { "[DISPLAY]\nChargingText = Chargement en cours!!\n", "line 2, [DISPLAY] ChargingText: \"Chargement en cours!!\" has 21 characters: a display text has at most 20." },
        { "[CLUSTERS]\ngarage.Phases = L1 L4\ngarage.MaxCurrentA = 32\n", "line 2, [CLUSTERS] garage.Phases: must list phases such as \"L1 L2 L3\" but is \"L1 L4\"." },
        { "[CLUSTERS]\nattic.Phases = L1\n", "line 2, [CLUSTERS] attic.Phases: cluster \"attic\" needs attic.MaxCurrentA (variables of a cluster are NAME.MaxCurrentA, NAME.Phases, NAME.MinChargingCurrentA)." },
        { "[CONNECTOR1]\nAddress = 10.0.0.1\n[CONNECTOR2]\nMaxCurrentA = 16\n", "line 3, [CONNECTOR2]: names no station (Connect2ConnectorSerial or Address) while other CONNECTOR sections do: identify every station or none." },
        { "[CONNECTOR1]\nAddress = 10.0.0.1\nConnection = TwoPhase\n", "line 3, [CONNECTOR1] Connection: must be one of ThreePhase, SinglePhase but is \"TwoPhase\"." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_value_that_cant_be_read_refuses_the_whole_file_with_its_line_and_variable(string text, string problem)
    {
        var reader = new ConfigFileReader(IniConfigFile.Parse(text).Document!, ConfigSamples.Serial);
        var batch = new SettingsBatch(ConfigSamples.Rich());

        reader.ApplyTo(batch);

        Assert.Equal([problem], batch.Errors);
    }

    [Fact]
    public void Unknown_sections_and_variables_and_the_network_entries_are_reported_and_ignored()
    {
        var (after, reader) = Import("[OCPP]\nHeartbeatIntervalSeconds = 120\nColour = blue\n[NETWORK]\nLocalDHCPServerEnabled = TRUE\nHOTSPOT_SSID = site\n[WIFI]\nX = 1\n", SettingsSnapshot.Empty);

        Assert.Empty(reader.Problems);
        Assert.Equal(120, after.Get<OcppBackendSettings>().HeartbeatIntervalSeconds);
        Assert.Equal(
            [
                "line 7: section [WIFI] is not known and was ignored.",
                "line 5: [NETWORK] LocalDHCPServerEnabled was not applied: this controller's network is set up in its operating system.",
                "line 6: [NETWORK] HOTSPOT_SSID was not applied: this controller's network is set up in its operating system.",
                "line 3: [OCPP] Colour is not a known variable and was ignored.",
            ],
            reader.Notices);
    }

    [Fact]
    public void Units_of_energy_are_taken_out_of_a_display_text_with_a_notice()
    {
        var (after, reader) = Import("[DISPLAY]\nChargingText = Charging 11 kWh\n", SettingsSnapshot.Empty);

        Assert.Equal("Charging 11", after.Get<DisplaySettings>().Resolve(DisplayEvent.Charging).Text);
        Assert.Equal("line 2: [DISPLAY] ChargingText: kWh taken out (units of energy are reserved for the energy the station shows); the text is \"Charging 11\".", Assert.Single(reader.Notices));
    }

    [Theory]
    [InlineData("OpenCPM_12345678.conf", "12345678")]
    [InlineData("M20-12345678-site.conf", "12345678")]
    [InlineData("OpenCPM.conf", null)]
    [InlineData("site2.conf", null)]
    [InlineData("12345.conf", null)]
    public void The_serial_in_a_file_name_is_a_run_of_six_or_more_digits(string name, string? serial)
    {
        Assert.Equal(serial, ConfigFileNames.SerialIn(name));
    }

    private static string Export(SettingsSnapshot settings, bool generic = false) =>
        IniConfigFile.Write(ConfigFileWriter.Write(settings, ConfigSamples.Serial, "1.2.3", At, generic));

    private static (SettingsSnapshot After, ConfigFileReader Reader) Import(string text, SettingsSnapshot before, string serial = ConfigSamples.Serial)
    {
        var parsed = IniConfigFile.Parse(text);
        Assert.True(parsed.IsValid, string.Join(" | ", parsed.Problems));
        var reader = new ConfigFileReader(parsed.Document!, serial);
        var batch = new SettingsBatch(before);
        reader.ApplyTo(batch);
        Assert.Equal([], batch.Errors.Concat(batch.Site.Validate().Errors));
        return (batch.After, reader);
    }
}
