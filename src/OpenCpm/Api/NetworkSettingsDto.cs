using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>Site-wide load-management settings (Charging network settings of the manual). PUT replaces them all.</summary>
internal sealed record NetworkSettingsDto
{
    public required double MaxCurrentA { get; init; }

    public double MinChargingCurrentA { get; init; } = 6;

    public double? UnbalancedLoadLimitA { get; init; }

    public bool ClustersEnabled { get; init; }

    public double RotationMinutes { get; init; } = 15;

    public double? MaxPowerW { get; init; }

    public double NominalVoltageV { get; init; } = 230;

    public double? MeterFallbackPowerW { get; init; }

    /// <summary>
    /// Risks the validator found in the whole site's settings (accepted, shown to the operator). Ignored on PUT; left
    /// out where null (the site file carries no warnings).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; } = [];

    public static NetworkSettingsDto From(SiteSettings s, IReadOnlyList<string> warnings) => new()
    {
        MaxCurrentA = s.MaxCurrentA,
        MinChargingCurrentA = s.MinChargingCurrentA,
        UnbalancedLoadLimitA = s.UnbalancedLoadLimitA,
        ClustersEnabled = s.ClustersEnabled,
        RotationMinutes = s.RotationPeriod.TotalMinutes,
        MaxPowerW = s.MaxPowerW,
        NominalVoltageV = s.NominalVoltageV,
        MeterFallbackPowerW = s.MeterFallbackPowerW,
        Warnings = warnings,
    };

    public SiteSettings ApplyTo(SiteSettings s) => s with
    {
        MaxCurrentA = MaxCurrentA,
        MinChargingCurrentA = MinChargingCurrentA,
        UnbalancedLoadLimitA = UnbalancedLoadLimitA,
        ClustersEnabled = ClustersEnabled,
        RotationPeriod = Math.Abs(RotationMinutes) < 1e9 ? TimeSpan.FromMinutes(RotationMinutes) : RotationMinutes < 0 ? TimeSpan.MinValue : TimeSpan.MaxValue,
        MaxPowerW = MaxPowerW,
        NominalVoltageV = NominalVoltageV,
        MeterFallbackPowerW = MeterFallbackPowerW,
    };
}
