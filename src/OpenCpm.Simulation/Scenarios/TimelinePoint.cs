using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>The site at one moment of a scenario run, for plots.</summary>
/// <param name="Seconds">Seconds from the start.</param>
/// <param name="GridA">What really flows per phase at the grid connection: household load plus charging.</param>
/// <param name="ChargingA">What the vehicles really draw per phase.</param>
/// <param name="SiteLimitA">The site's limit per phase (the fuse, or a lower backend limit for all charging).</param>
/// <param name="Waiting">Vehicles present that want charge and get none.</param>
public readonly record struct TimelinePoint(double Seconds, PhaseCurrents GridA, PhaseCurrents ChargingA, double SiteLimitA, int Waiting);
