using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Security;

/// <summary>
/// API access (manual 8.1.5): a user's API tokens for scripts, for the REST API and the web UI alike. A new token is
/// shown once (only its hash is kept); creating and revoking one is logged and goes to the event log.
/// </summary>
internal sealed class ApiTokens(TokenService tokens, EventLog events, TimeProvider time, ILogger<ApiTokens> logger)
{
    public const int MaxNameLength = 64;

    public Task<IReadOnlyList<ApiTokenInfo>> ListAsync(int userId, CancellationToken cancellationToken) =>
        tokens.ListApiTokensAsync(userId, cancellationToken);

    /// <summary>What is wrong with a new token's name or expiry, one sentence naming the field, or null.</summary>
    public string? Problem(string? name, DateTimeOffset? expiresAt)
    {
        if (string.IsNullOrWhiteSpace(name) || TextRules.Length(name) > MaxNameLength)
        {
            return $"An API token needs a 'name' of 1..{MaxNameLength} characters.";
        }

        if (TextRules.Check("An API token's 'name'", name, MaxNameLength) is { } problem)
        {
            return problem;
        }

        return expiresAt <= time.GetUtcNow() ? "The token's 'expiresAt' must be in the future." : null;
    }

    /// <summary>Creates a token (the caller checked <see cref="Problem"/>); the answer holds its secret, to show this once.</summary>
    public async Task<IssuedToken> CreateAsync(int userId, string userName, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var token = await tokens.CreateApiTokenAsync(userId, name, expiresAt, cancellationToken);
        SecurityLog.ApiTokenCreated(logger, LogText.Escape(userName), token.Id, LogText.Escape(name));
        await events.InfoAsync(LoginService.EventSource, FormattableString.Invariant($"{LogText.Escape(userName)} created API token {token.Id} \"{LogText.Escape(name)}\"."), cancellationToken);
        return token;
    }

    /// <summary>Revokes one of the user's API tokens; false when they have none with this id.</summary>
    public async Task<bool> RevokeAsync(int userId, string userName, long tokenId, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeApiTokenAsync(userId, tokenId, cancellationToken))
        {
            return false;
        }

        SecurityLog.ApiTokenRevoked(logger, LogText.Escape(userName), tokenId);
        await events.InfoAsync(LoginService.EventSource, FormattableString.Invariant($"{LogText.Escape(userName)} revoked API token {tokenId}."), cancellationToken);
        return true;
    }
}
