namespace OpenCpm.Api;

/// <summary>A new API token: a name to recognise it by (1 to 64 characters, no control characters) and an optional expiry in the future.</summary>
internal sealed record CreateTokenRequest(string? Name, DateTimeOffset? ExpiresAt);
