namespace OpenCpm.Api;

/// <summary>The control loop's health: cycles run, and how long a new meter reading took to become setpoints.</summary>
internal sealed record ControllerDto(long Cycles, double? MeterToSetpointMs);
