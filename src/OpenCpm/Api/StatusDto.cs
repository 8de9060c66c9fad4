namespace OpenCpm.Api;

/// <summary>The /api/v1/status document.</summary>
internal sealed record StatusDto(
    IReadOnlyList<ChargePointDto> ChargePoints,
    IReadOnlyList<NetworkInterfaceDto> NetworkInterfaces,
    BackendDto Backend,
    MeterStatusDto Meter,
    AllocationDto Allocation,
    ControllerDto Controller,
    string Version)
{
    /// <summary>The operator warnings that last now (a lost meter, a station that does not answer, invalid stored settings…), the oldest first.</summary>
    public IReadOnlyList<OperatorWarningDto> Warnings { get; init; } = [];
}
