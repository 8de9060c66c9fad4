namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// The controller's smart-charging capabilities, reported to the backend as the read-only configuration keys of the
/// SmartCharging feature profile (OCPP 1.6 §9.4) and enforced when a profile is installed.
/// </summary>
public sealed record SmartChargingConfiguration
{
    public const string MaxStackLevelKey = "ChargeProfileMaxStackLevel";
    public const string AllowedChargingRateUnitKey = "ChargingScheduleAllowedChargingRateUnit";
    public const string MaxPeriodsKey = "ChargingScheduleMaxPeriods";
    public const string MaxProfilesInstalledKey = "MaxChargingProfilesInstalled";

    public static SmartChargingConfiguration Default { get; } = new();

    /// <summary>The highest stack level accepted (0 is the lowest), which also bounds the profiles per purpose and connector.</summary>
    public int MaxStackLevel { get; init; } = 8;

    /// <summary>The units a schedule may use.</summary>
    public IReadOnlyList<ChargingRateUnit> AllowedUnits { get; init; } = [ChargingRateUnit.A, ChargingRateUnit.W];

    /// <summary>The most periods one schedule may have.</summary>
    public int MaxPeriods { get; init; } = 48;

    /// <summary>The most profiles installed at once, on all connectors together.</summary>
    public int MaxProfilesInstalled { get; init; } = 1000;

    /// <summary>The keys and their values as the backend reads them (ChargingScheduleAllowedChargingRateUnit as "Current,Power").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Keys =>
    [
        new(MaxStackLevelKey, MaxStackLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(AllowedChargingRateUnitKey, string.Join(',', AllowedUnits.Select(u => u == ChargingRateUnit.A ? "Current" : "Power"))),
        new(MaxPeriodsKey, MaxPeriods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(MaxProfilesInstalledKey, MaxProfilesInstalled.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
