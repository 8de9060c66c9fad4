namespace OpenCpm.Api;

/// <summary>The /api/v1/status document.</summary>
internal sealed record StatusDto(
    IReadOnlyList<ChargePointDto> ChargePoints,
    IReadOnlyList<NetworkInterfaceDto> NetworkInterfaces,
    BackendDto Backend,
    MeterStatusDto Meter,
    AllocationDto Allocation,
    ControllerDto Controller,
    string Version);
