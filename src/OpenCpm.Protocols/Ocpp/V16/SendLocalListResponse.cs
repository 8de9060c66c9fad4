namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SendLocalList.conf: the answer to <see cref="SendLocalListRequest"/>.</summary>
public sealed record SendLocalListResponse
{
    public required UpdateStatus Status { get; init; }
}
