namespace OpenCpm.Security;

/// <summary>
/// The password rules of the manual (User settings): at least 10 characters, at most 2 identical characters in a
/// row, and at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Null when the password is acceptable, else a sentence saying which rule it breaks.</summary>
    public static string? Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinLength)
        {
            return $"The new password must have at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"The new password must have at most {MaxLength} characters.";
        }

        for (var i = 2; i < password.Length; i++)
        {
            if (password[i] == password[i - 1] && password[i] == password[i - 2])
            {
                return "The new password must not repeat the same character more than twice in a row.";
            }
        }

        var kinds = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0)
            + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return kinds < 3
            ? "The new password must contain at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character."
            : null;
    }
}
