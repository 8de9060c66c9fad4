using OpenCpm.Provisioning;

namespace OpenCpm.Updates;

/// <summary>
/// The Software update page (manual 8.1.5, 10.2): the running version, whether and where updates install (and why not),
/// the versions <c>current</c> and <c>previous</c> point at, the last update, whether one is installing now, and per
/// station what can be updated.
/// </summary>
internal sealed record UpdateStatus(
    string Version,
    bool Available,
    string? InstallRoot,
    string? NotAvailableBecause,
    string? Current,
    string? Previous,
    UpdateState? LastUpdate,
    bool Installing,
    IReadOnlyList<StationMaintenance> Stations);
