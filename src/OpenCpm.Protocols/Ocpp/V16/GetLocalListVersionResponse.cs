namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetLocalListVersion.conf: the answer to <see cref="GetLocalListVersionRequest"/>.</summary>
public sealed record GetLocalListVersionResponse
{
    public required int ListVersion { get; init; }
}
