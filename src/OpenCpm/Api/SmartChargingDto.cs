namespace OpenCpm.Api;

/// <summary>
/// The backend's charging profiles and what they allow now: the network's limit (null = none), each limited charge
/// point's, when that next changes, the profiles, and the SmartCharging configuration keys.
/// </summary>
internal sealed record SmartChargingDto(
    DateTimeOffset At,
    DateTimeOffset? NextChangeAt,
    ProfileLimitDto? Site,
    IReadOnlyList<ProfileLimitDto> ChargePoints,
    IReadOnlyList<ChargingProfileDto> Profiles,
    IReadOnlyDictionary<string, string> Configuration);
