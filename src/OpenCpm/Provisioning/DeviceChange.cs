using OpenCpm.Data;

namespace OpenCpm.Provisioning;

/// <summary>An edit of the Device page: each null field keeps its value.</summary>
internal sealed record DeviceChange
{
    public double? NominalVoltageV { get; init; }

    public PowerFailureBehaviour? AfterPowerFailure { get; init; }

    public bool? AllowUsbInit { get; init; }

    public bool? AllowUsbConfig { get; init; }

    public bool? AllowUsbUpdate { get; init; }
}
