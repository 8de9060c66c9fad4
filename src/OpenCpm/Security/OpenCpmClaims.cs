namespace OpenCpm.Security;

/// <summary>Claim types the bearer-token handler adds besides name, name identifier and role.</summary>
internal static class OpenCpmClaims
{
    public const string TokenId = "opencpm:token_id";
    public const string TokenKind = "opencpm:token_kind";
    public const string MustChangePassword = "opencpm:must_change_password";
}
