namespace OpenCpm.Security;

/// <summary>An API token as listed (never the secret).</summary>
internal sealed record ApiTokenInfo(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);
