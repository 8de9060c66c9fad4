namespace OpenCpm.Core.SmartCharging;

/// <summary>The unit of a schedule's limits: amperes per phase, or watts in total.</summary>
public enum ChargingRateUnit
{
    A,
    W,
}
