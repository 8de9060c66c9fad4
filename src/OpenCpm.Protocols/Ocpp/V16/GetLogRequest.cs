namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetLog.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record GetLogRequest : IOcppRequest<GetLogResponse>
{
    public required LogParameters Log { get; init; }

    public required LogType LogType { get; init; }

    public required int RequestId { get; init; }

    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }
}
