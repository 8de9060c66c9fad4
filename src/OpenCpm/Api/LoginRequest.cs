using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>POST /api/v1/auth/login: user name (at most 64 characters, no control characters) and password.</summary>
internal sealed record LoginRequest(string? Username, string? Password)
{
    /// <summary>No password is longer (the policy allows 128 characters); longer bodies are refused unread.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>What is wrong with the request, one sentence naming the field, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrEmpty(Username) || Password is null)
        {
            return "Both 'username' and 'password' must be given.";
        }

        if (TextRules.Check("'username'", Username, LoginThrottle.MaxNameLength) is { } nameProblem)
        {
            return nameProblem;
        }

        return Password.Length > MaxPasswordLength ? FormattableString.Invariant($"'password' may have at most {MaxPasswordLength} characters.") : null;
    }
}
