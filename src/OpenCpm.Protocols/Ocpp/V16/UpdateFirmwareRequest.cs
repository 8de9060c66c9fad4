namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UpdateFirmware.req (Central System → Charge Point, FirmwareManagement profile).</summary>
public sealed record UpdateFirmwareRequest : IOcppRequest<UpdateFirmwareResponse>
{
    [AbsoluteUri]
    public required string Location { get; init; }

    public int? Retries { get; init; }

    public required DateTimeOffset RetrieveDate { get; init; }

    public int? RetryInterval { get; init; }
}
