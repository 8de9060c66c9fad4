using OpenCpm.Stations;

namespace OpenCpm.Provisioning;

/// <summary>
/// What the controller knows and can do about one station's maintenance: its identity and firmware, its DIP switches
/// (manual 8.1.5, DSW settings), whether its firmware can be updated and it can be restarted from here, and if not,
/// a sentence saying what to do instead.
/// </summary>
internal sealed record StationMaintenance(
    string ChargePointId,
    string? Serial,
    string? Product,
    string? Firmware,
    IReadOnlyList<DipSwitch> DipSwitches,
    bool FirmwareUpdateByController,
    string FirmwareUpdate,
    bool RestartByController);
