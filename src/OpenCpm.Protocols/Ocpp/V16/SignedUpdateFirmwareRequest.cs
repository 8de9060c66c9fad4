namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignedUpdateFirmware.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record SignedUpdateFirmwareRequest : IOcppRequest<SignedUpdateFirmwareResponse>
{
    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }

    public required int RequestId { get; init; }

    public required Firmware Firmware { get; init; }
}
