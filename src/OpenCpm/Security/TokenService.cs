using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// Bearer tokens: login tokens (expire after <see cref="LoginLifetime"/>) and API tokens (until revoked or their
/// optional expiry). A token is 32 random bytes; only its SHA-256 hash is stored, so a copy of the database
/// gives no working token.
/// </summary>
internal sealed class TokenService(IDbContextFactory<OpenCpmDbContext> dbFactory, StorageFaults faults, TimeProvider time, ILogger<TokenService> logger)
{
    public const string Prefix = "ocpm_";

    public static readonly TimeSpan LoginLifetime = TimeSpan.FromHours(12);

    /// <summary>Last-use times are written at most this often per token (not on every request).</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<IssuedToken> IssueLoginTokenAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Tokens.Where(t => t.Kind == TokenKind.Login && t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return await AddAsync(db, userId, TokenKind.Login, null, now + LoginLifetime, cancellationToken);
    }

    public async Task<IssuedToken> CreateApiTokenAsync(int userId, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AddAsync(db, userId, TokenKind.Api, name, expiresAt, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tokens.AsNoTracking().Where(t => t.UserId == userId && t.Kind == TokenKind.Api)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(t => new ApiTokenInfo(t.Id, t.Name ?? "", t.CreatedAt, t.ExpiresAt, t.LastUsedAt))];
    }

    public async Task<bool> RevokeApiTokenAsync(int userId, long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tokens.Where(t => t.Id == tokenId && t.UserId == userId && t.Kind == TokenKind.Api)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Revokes one token of the user, whatever its kind (logout); false when there is none.</summary>
    public async Task<bool> RevokeAsync(int userId, long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Ends one login (logging out); false when it was not a login token of that user.</summary>
    public async Task<bool> RevokeLoginAsync(int userId, long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tokens.Where(t => t.Id == tokenId && t.UserId == userId && t.Kind == TokenKind.Login)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Whether the token with this id still exists and has not expired (a web UI session rechecks it).</summary>
    public async Task<bool> IsActiveAsync(long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Tokens.AnyAsync(t => t.Id == tokenId && (t.ExpiresAt == null || t.ExpiresAt > now), cancellationToken);
    }

    /// <summary>The owner of a valid (known, unexpired) token, else null.</summary>
    public async Task<TokenIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Tokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (row?.User is null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUseResolution)
        {
            await NoteUseAsync(db, row, now, cancellationToken);
        }

        var user = row.User;
        return new TokenIdentity(row.Id, row.Kind, new UserAccount(user.Id, user.Name, user.Role, user.MustChangePassword));
    }

    /// <summary>
    /// Writes the token's last-use time. It is bookkeeping: a write that fails (a full disk) never fails the call the
    /// token is for; it is logged and shown by /healthz until a later write succeeds.
    /// </summary>
    private async Task NoteUseAsync(OpenCpmDbContext db, TokenRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.LastUsedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            faults.Succeeded();
        }
        catch (Exception ex) when (StorageFaults.IsStorageFailure(ex))
        {
            faults.Failed("a token's last-use time", ex);
            SecurityLog.LastUseNotWritten(logger, row.Id, (ex.InnerException ?? ex).Message);
        }
    }

    private async Task<IssuedToken> AddAsync(OpenCpmDbContext db, int userId, TokenKind kind, string? name, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var row = new TokenRow
        {
            UserId = userId,
            Kind = kind,
            Name = name,
            Hash = Hash(token),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.Tokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(row.Id, token, expiresAt);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
