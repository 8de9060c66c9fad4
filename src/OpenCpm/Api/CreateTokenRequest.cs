using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>A new API token: a name to recognise it by (1 to 64 characters, no control characters) and an optional expiry in the future.</summary>
internal sealed record CreateTokenRequest(string? Name, DateTimeOffset? ExpiresAt)
{
    public const int MaxNameLength = 64;

    /// <summary>What is wrong with the request, one sentence naming the field, or null.</summary>
    public string? Problem(DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Name) || TextRules.Length(Name) > MaxNameLength)
        {
            return $"An API token needs a 'name' of 1..{MaxNameLength} characters.";
        }

        if (TextRules.Check("An API token's 'name'", Name, MaxNameLength) is { } problem)
        {
            return problem;
        }

        return ExpiresAt <= now ? "The token's 'expiresAt' must be in the future." : null;
    }
}
