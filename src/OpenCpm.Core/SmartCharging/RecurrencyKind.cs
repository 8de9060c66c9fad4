namespace OpenCpm.Core.SmartCharging;

/// <summary>How often a <see cref="ChargingProfileKind.Recurring"/> schedule starts again.</summary>
public enum RecurrencyKind
{
    Daily,
    Weekly,
}
