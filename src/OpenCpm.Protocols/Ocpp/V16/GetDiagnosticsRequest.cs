namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetDiagnostics.req (Central System → Charge Point, FirmwareManagement profile).</summary>
public sealed record GetDiagnosticsRequest : IOcppRequest<GetDiagnosticsResponse>
{
    [AbsoluteUri]
    public required string Location { get; init; }

    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? StopTime { get; init; }
}
