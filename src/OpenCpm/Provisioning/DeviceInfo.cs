using OpenCpm.Data;

namespace OpenCpm.Provisioning;

/// <summary>The Device page (manual 8.1.6): the controller's identity, its settings, its clock, the stations held after a power failure, and each station's maintenance facts.</summary>
internal sealed record DeviceInfo(
    string Serial,
    string Version,
    double NominalVoltageV,
    PowerFailureBehaviour AfterPowerFailure,
    bool AllowUsbInit,
    bool AllowUsbConfig,
    bool AllowUsbUpdate,
    TimeSyncStatus TimeSync,
    IReadOnlyList<string> HeldAfterPowerFailure,
    IReadOnlyList<StationMaintenance> Stations);
