namespace OpenCpm.Core.SmartCharging;

/// <summary>When a profile's schedule starts.</summary>
public enum ChargingProfileKind
{
    /// <summary>At its <see cref="ChargingSchedule.StartSchedule"/> (or when it was installed, if it has none).</summary>
    Absolute,

    /// <summary>At its <see cref="ChargingSchedule.StartSchedule"/>, again every day or week (<see cref="RecurrencyKind"/>).</summary>
    Recurring,

    /// <summary>When the connector's transaction started (when it was installed, while there is none).</summary>
    Relative,
}
