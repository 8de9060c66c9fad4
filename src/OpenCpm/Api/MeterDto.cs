namespace OpenCpm.Api;

/// <summary>
/// GET /api/v1/meter. Today only the settings; the live part (latest reading, connection state) is added by the
/// meter poller's owner as further properties.
/// </summary>
internal sealed record MeterDto(string? Profile, MeterSettingsDto Settings);
