namespace OpenCpm.Data;

/// <summary>A bearer token: a login token or an API token. Only the SHA-256 hash of the token is stored.</summary>
internal sealed class TokenRow
{
    public long Id { get; set; }

    public int UserId { get; set; }

    public UserRow? User { get; set; }

    public TokenKind Kind { get; set; }

    public string? Name { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
