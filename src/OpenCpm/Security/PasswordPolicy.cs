using System.Globalization;
using System.Text;

namespace OpenCpm.Security;

/// <summary>
/// The password rules of the manual (User settings): at least 10 characters, at most 2 identical characters in a
/// row, and at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character. Characters are
/// counted as people see them (text elements: an emoji or a letter with its accent is one), and control characters
/// (NUL, line breaks…) or broken UTF-16 are refused.
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
        PasswordRule.ControlCharacters => "The new password must not contain control characters, line breaks or broken characters.",
        _ => null,
    };

    /// <summary>The first rule the password breaks, or null when it is acceptable.</summary>
    public static PasswordRule? Broken(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaxLength * 16)
        {
            return PasswordRule.TooLong;
        }

        if (LogText.IsUnsafe(password))
        {
            return PasswordRule.ControlCharacters;
        }

        var elements = TextElements(password);
        if (elements.Count < MinLength)
        {
            return PasswordRule.TooShort;
        }

        if (elements.Count > MaxLength)
        {
            return PasswordRule.TooLong;
        }

        for (var i = 2; i < elements.Count; i++)
        {
            if (elements[i] == elements[i - 1] && elements[i] == elements[i - 2])
            {
                return PasswordRule.RepeatedCharacters;
            }
        }

        var kinds = (elements.Any(e => Rune.IsUpper(First(e))) ? 1 : 0)
            + (elements.Any(e => Rune.IsLower(First(e))) ? 1 : 0)
            + (elements.Any(e => Rune.IsDigit(First(e))) ? 1 : 0)
            + (elements.Any(e => !Rune.IsLetterOrDigit(First(e))) ? 1 : 0);
        return kinds < 3 ? PasswordRule.TooFewKinds : null;
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    private static Rune First(string element) => Rune.GetRuneAt(element, 0);
}
