namespace OpenCpm.Api;

/// <summary>The bearer token of a login; <c>mustChangePassword</c> says it is good only for the password change.</summary>
internal sealed record LoginResponse(string Token, DateTimeOffset? ExpiresAt, bool MustChangePassword);
