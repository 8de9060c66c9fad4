namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SendLocalList.req (Central System → Charge Point, LocalAuthListManagement profile).</summary>
public sealed record SendLocalListRequest : IOcppRequest<SendLocalListResponse>
{
    public required int ListVersion { get; init; }

    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    public required UpdateType UpdateType { get; init; }
}
