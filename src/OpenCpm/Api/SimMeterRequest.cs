using OpenCpm.Simulation.Meters;

namespace OpenCpm.Api;

/// <summary>
/// PUT /api/v1/sim/meter: how the simulated grid meter answers — <c>none</c> (normally), <c>silent</c> (never: a lost
/// meter), <c>exceptionResponse</c>, <c>dropConnection</c> or <c>garbage</c>.
/// </summary>
internal sealed record SimMeterRequest(SimulatedMeterFault? Fault)
{
    public string? Problem() => Fault is null ? "'fault' must be given: none, silent, exceptionResponse, dropConnection or garbage." : null;
}
