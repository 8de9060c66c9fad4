namespace OpenCpm.Api;

/// <summary>POST /api/v1/auth/password: the current password and the new one (the rules: PasswordPolicy).</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword)
{
    /// <summary>What is wrong with the request, one sentence naming the field, or null.</summary>
    public string? Problem() =>
        CurrentPassword is null || NewPassword is null ? "Both 'currentPassword' and 'newPassword' must be given."
        : CurrentPassword.Length > LoginRequest.MaxPasswordLength ? FormattableString.Invariant($"'currentPassword' may have at most {LoginRequest.MaxPasswordLength} characters.")
        : null;
}
