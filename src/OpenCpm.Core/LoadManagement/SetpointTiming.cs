namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// When a setpoint change shows in the current a vehicle draws, counted from when the controller sent it: not before
/// <see cref="EarliestEffect"/> (a P30 applies <c>currtime X 1</c> after its second, and a change between two currents
/// only after its pilot delay), surely by <see cref="Settled"/> (plus the vehicle's reaction, 5 s by IEC 61851-1).
/// </summary>
public readonly record struct SetpointTiming(TimeSpan EarliestEffect, TimeSpan Settled);
