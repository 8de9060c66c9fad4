namespace OpenCpm.Data;

/// <summary>The single row of site-wide load-management settings (Id is always 1).</summary>
internal sealed class SiteSettingsRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public double MaxCurrentA { get; set; }

    public double? MaxPowerW { get; set; }

    public double NominalVoltageV { get; set; }

    public double MinChargingCurrentA { get; set; }

    public double? UnbalancedLoadLimitA { get; set; }

    public double RotationPeriodSeconds { get; set; }

    public bool ClustersEnabled { get; set; }

    public double? MeterFallbackPowerW { get; set; }
}
