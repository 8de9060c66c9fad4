namespace OpenCpm.Security;

/// <summary>A token as handed out once: <see cref="Token"/> is the secret, shown only here.</summary>
internal sealed record IssuedToken(long Id, string Token, DateTimeOffset? ExpiresAt);
