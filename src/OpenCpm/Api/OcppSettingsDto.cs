using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>
/// The OCPP backend connection. <c>authorizationKey</c> (the basic-auth password) is write-only: GET shows only
/// <c>authorizationKeySet</c>; on PUT, absent/null keeps the stored key and "" removes it.
/// </summary>
internal sealed record OcppSettingsDto
{
    public bool Enabled { get; init; }

    public string? Url { get; init; }

    public string? ChargeBoxId { get; init; }

    public int SecurityProfile { get; init; }

    public int HeartbeatIntervalSeconds { get; init; } = 300;

    public string? AuthorizationKey { get; init; }

    public bool AuthorizationKeySet { get; init; }

    /// <summary>The CPO name (O= of the charge point certificate's signing request); absent/null keeps it, "" removes it.</summary>
    public string? CpoName { get; init; }

    public static OcppSettingsDto From(OcppBackendSettings s) => new()
    {
        Enabled = s.Enabled,
        Url = Backend.BackendLinkStatus.WithoutUserInfo(s.Url),
        ChargeBoxId = s.ChargeBoxId,
        SecurityProfile = s.SecurityProfile,
        HeartbeatIntervalSeconds = s.HeartbeatIntervalSeconds,
        AuthorizationKeySet = !string.IsNullOrEmpty(s.AuthorizationKey),
        CpoName = s.CpoName,
    };

    public OcppBackendSettings ToSettings(OcppBackendSettings stored) => new()
    {
        Enabled = Enabled,
        Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(),
        ChargeBoxId = string.IsNullOrWhiteSpace(ChargeBoxId) ? null : ChargeBoxId,
        SecurityProfile = SecurityProfile,
        HeartbeatIntervalSeconds = HeartbeatIntervalSeconds,
        AuthorizationKey = AuthorizationKey switch
        {
            null => stored.AuthorizationKey,
            "" => null,
            _ => AuthorizationKey,
        },
        CpoName = CpoName switch
        {
            null => stored.CpoName,
            "" => null,
            _ => CpoName,
        },
    };
}
