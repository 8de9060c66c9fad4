namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignedUpdateFirmware.conf: the answer to <see cref="SignedUpdateFirmwareRequest"/>.</summary>
public sealed record SignedUpdateFirmwareResponse
{
    public required UpdateFirmwareStatus Status { get; init; }
}
