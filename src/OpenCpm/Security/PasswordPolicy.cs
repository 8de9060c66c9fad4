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
    public static string? Check(string password) => Broken(password) switch
    {
        PasswordRule.TooShort => $"The new password must have at least {MinLength} characters.",
        PasswordRule.TooLong => $"The new password must have at most {MaxLength} characters.",
        PasswordRule.RepeatedCharacters => "The new password must not repeat the same character more than twice in a row.",
        PasswordRule.TooFewKinds => "The new password must contain at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character.",
        _ => null,
    };

    /// <summary>The first rule the password breaks, or null when it is acceptable.</summary>
    public static PasswordRule? Broken(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinLength)
        {
            return PasswordRule.TooShort;
        }

        if (password.Length > MaxLength)
        {
            return PasswordRule.TooLong;
        }

        for (var i = 2; i < password.Length; i++)
        {
            if (password[i] == password[i - 1] && password[i] == password[i - 2])
            {
                return PasswordRule.RepeatedCharacters;
            }
        }

        var kinds = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0)
            + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return kinds < 3 ? PasswordRule.TooFewKinds : null;
    }
}
