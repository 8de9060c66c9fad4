using OfflineAuthorizationMode = OpenCpm.Core.Authorization.OfflineAuthorizationMode;
using OnlineAuthorizationMode = OpenCpm.Core.Authorization.OnlineAuthorizationMode;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Tests.Provisioning;

/// <summary>A controller with something set in every area the configuration file covers.</summary>
internal static class ConfigSamples
{
    public const string Serial = "12345678";

    public static SettingsSnapshot Rich()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 63,
            MaxPowerW = 40000,
            NominalVoltageV = 240,
            MinChargingCurrentA = 8,
            UnbalancedLoadLimitA = 20,
            RotationPeriod = TimeSpan.FromMinutes(30),
            ClustersEnabled = true,
            MeterFallbackPowerW = 11000.5,
            Clusters =
            [
                new ClusterSettings { Id = "garage", MaxCurrentA = 32, Phases = PhaseSet.AllThree, MinChargingCurrentA = 10 },
                new ClusterSettings { Id = "Hall B", MaxCurrentA = 16, Phases = PhaseSet.Of(Phase.L2) },
            ],
        };
        IReadOnlyList<ChargePointInstallation> chargePoints =
        [
            new()
            {
                Settings = new ChargePointSettings { Id = "gate-1", Cluster = "garage", MaxCurrentA = 32, FailsafeCurrentA = 6, Rotation = PhaseRotation.L2L3L1 },
                Serial = "22011011",
                Address = "192.168.10.21",
                ConnectorId = 2,
                DisplayName = "Gate one",
            },
            new()
            {
                Settings = new ChargePointSettings
                {
                    Id = "hall-1",
                    Cluster = "Hall B",
                    Connection = PhaseConnection.SinglePhase,
                    SinglePhase = Phase.L2,
                    MaxCurrentA = 16,
                    UnbalancedLoadLimitA = 16,
                    PermanentlyLockedSocket = true,
                },
                Serial = "22011012",
                Address = "192.168.10.22",
                ConnectorId = 1,
            },
        ];
        return (SettingsSnapshot.Empty with { Site = new SiteConfiguration(site, chargePoints) })
            .With(new OcppBackendSettings { Enabled = true, Url = "wss://csms.example/ocpp", ChargeBoxId = "M20-77", SecurityProfile = 3, AuthorizationKey = "s3cret-key-0123456789", HeartbeatIntervalSeconds = 600 })
            .With(new MeterSettings { Enabled = true, ProfileId = "janitza-umg604", Host = "192.168.10.5", Port = 1502, UnitId = 3, PollSeconds = 0.5 })
            .With(new AuthorizationSettings { Enabled = true, OnlineMode = OnlineAuthorizationMode.OnlyLocal, OfflineMode = OfflineAuthorizationMode.OfflineFreeCharging, PredefinedToken = "FREE" })
            .With(new DiscoverySettings { Enabled = true, ExpectedStations = 4, BroadcastAddress = "192.168.10.255", IntervalSeconds = 60 })
            .With(new DeviceSettings { AllowUsbInit = true, AllowUsbUpdate = true, AfterPowerFailure = PowerFailureBehaviour.StayStopped })
            .With(new DisplaySettings
            {
                Enabled = true,
                Language = "fr",
                Texts = [new DisplayText(DisplayEvent.Charging, "Charge rapide", 15), new DisplayText(DisplayEvent.CardRefused, null, 5)],
            });
    }
}
