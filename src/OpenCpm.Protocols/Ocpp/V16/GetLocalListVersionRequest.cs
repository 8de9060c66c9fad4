namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetLocalListVersion.req (Central System → Charge Point, LocalAuthListManagement profile).</summary>
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionResponse>;
