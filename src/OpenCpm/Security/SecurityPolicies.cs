namespace OpenCpm.Security;

/// <summary>Authorization policy names, applied at route-group level.</summary>
internal static class SecurityPolicies
{
    /// <summary>Every /api/v1 call: a valid token of a user whose password needs no change.</summary>
    public const string Api = "api";

    /// <summary>Only a valid token: the password change, which a user who must change their password may call.</summary>
    public const string PasswordChange = "password-change";

    /// <summary>Not with an API token (creating tokens, changing the password): a login by password.</summary>
    public const string Interactive = "interactive";
}
