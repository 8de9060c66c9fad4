namespace OpenCpm.Api;

/// <summary>A new API token: a name to recognise it by and an optional expiry.</summary>
internal sealed record CreateTokenRequest(string? Name, DateTimeOffset? ExpiresAt);
