namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// What the controller remembers of a vehicle: the station conductors it charged on (as the station reported them)
/// and, when it needed more than the usual minimum, the least current it starts at.
/// </summary>
public readonly record struct VehicleProfile(PhaseSet Phases, double? MinimumCurrentA);
