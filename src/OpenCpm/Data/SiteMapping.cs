using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Data;

/// <summary>Core settings records ⇄ rows.</summary>
internal static class SiteMapping
{
    public static SiteSettings ToSettings(SiteSettingsRow? site, IEnumerable<ClusterRow> clusters, IEnumerable<ChargePointRow> chargePoints)
    {
        var defaults = new SiteSettings();
        return new SiteSettings
        {
            MaxCurrentA = site?.MaxCurrentA ?? defaults.MaxCurrentA,
            MaxPowerW = site is null ? defaults.MaxPowerW : site.MaxPowerW,
            NominalVoltageV = site?.NominalVoltageV ?? defaults.NominalVoltageV,
            MinChargingCurrentA = site?.MinChargingCurrentA ?? defaults.MinChargingCurrentA,
            UnbalancedLoadLimitA = site is null ? defaults.UnbalancedLoadLimitA : site.UnbalancedLoadLimitA,
            RotationPeriod = site is null ? defaults.RotationPeriod : TimeSpan.FromSeconds(site.RotationPeriodSeconds),
            ClustersEnabled = site?.ClustersEnabled ?? defaults.ClustersEnabled,
            MeterFallbackPowerW = site is null ? defaults.MeterFallbackPowerW : site.MeterFallbackPowerW,
            Clusters = [.. clusters.Select(ToSettings)],
            ChargePoints = [.. chargePoints.Select(ToSettings)],
        };
    }

    public static void CopyTo(SiteSettings settings, SiteSettingsRow row)
    {
        row.MaxCurrentA = settings.MaxCurrentA;
        row.MaxPowerW = settings.MaxPowerW;
        row.NominalVoltageV = settings.NominalVoltageV;
        row.MinChargingCurrentA = settings.MinChargingCurrentA;
        row.UnbalancedLoadLimitA = settings.UnbalancedLoadLimitA;
        row.RotationPeriodSeconds = settings.RotationPeriod.TotalSeconds;
        row.ClustersEnabled = settings.ClustersEnabled;
        row.MeterFallbackPowerW = settings.MeterFallbackPowerW;
    }

    public static ClusterSettings ToSettings(ClusterRow row) => new()
    {
        Id = row.Id,
        MaxCurrentA = row.MaxCurrentA,
        Phases = new PhaseSet((byte)row.PhasesMask),
        MinChargingCurrentA = row.MinChargingCurrentA,
    };

    public static void CopyTo(ChargePointInstallation installation, ChargePointRow row)
    {
        CopyTo(installation.Settings, row);
        row.Serial = installation.Serial;
        row.Address = installation.Address;
        row.Driver = installation.Driver;
        row.DisplayName = installation.DisplayName;
        row.ConnectorId = installation.ConnectorId;
    }

    public static ClusterRow ToRow(ClusterSettings cluster, int position) => new()
    {
        Id = cluster.Id,
        Position = position,
        MaxCurrentA = cluster.MaxCurrentA,
        PhasesMask = cluster.Phases.Mask,
        MinChargingCurrentA = cluster.MinChargingCurrentA,
    };

    public static ChargePointSettings ToSettings(ChargePointRow row) => new()
    {
        Id = row.Id,
        Cluster = row.Cluster,
        Connection = row.Connection,
        Rotation = row.Rotation,
        SinglePhase = row.SinglePhase,
        MaxCurrentA = row.MaxCurrentA,
        FailsafeCurrentA = row.FailsafeCurrentA,
        UnbalancedLoadLimitA = row.UnbalancedLoadLimitA,
        PermanentlyLockedSocket = row.PermanentlyLockedSocket,
    };

    public static void CopyTo(ChargePointSettings settings, ChargePointRow row)
    {
        row.Cluster = settings.Cluster;
        row.Connection = settings.Connection;
        row.Rotation = settings.Rotation;
        row.SinglePhase = settings.SinglePhase;
        row.MaxCurrentA = settings.MaxCurrentA;
        row.FailsafeCurrentA = settings.FailsafeCurrentA;
        row.UnbalancedLoadLimitA = settings.UnbalancedLoadLimitA;
        row.PermanentlyLockedSocket = settings.PermanentlyLockedSocket;
    }

    public static ChargePointInstallation ToInstallation(ChargePointRow row) => new()
    {
        Settings = ToSettings(row),
        Serial = row.Serial,
        Address = row.Address,
        ConnectorId = row.ConnectorId,
        Driver = row.Driver,
        DisplayName = row.DisplayName,
    };
}
