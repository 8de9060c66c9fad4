namespace OpenCpm.Api;

/// <summary>A new API token; <c>token</c> is shown this once only.</summary>
internal sealed record CreatedTokenDto(long Id, string Name, string Token, DateTimeOffset? ExpiresAt);
