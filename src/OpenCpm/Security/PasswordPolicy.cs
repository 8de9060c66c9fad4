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
    public static string? Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaxLength * 16 || LogText.IsUnsafe(password))
        {
            return password.Length > MaxLength * 16
                ? $"The new password must have at most {MaxLength} characters."
                : "The new password must not contain control characters, line breaks or broken characters.";
        }

        var elements = TextElements(password);
        if (elements.Count < MinLength)
        {
            return $"The new password must have at least {MinLength} characters.";
        }

        if (elements.Count > MaxLength)
        {
            return $"The new password must have at most {MaxLength} characters.";
        }

        for (var i = 2; i < elements.Count; i++)
        {
            if (elements[i] == elements[i - 1] && elements[i] == elements[i - 2])
            {
                return "The new password must not repeat the same character more than twice in a row.";
            }
        }

        var kinds = (elements.Any(e => Rune.IsUpper(First(e))) ? 1 : 0)
            + (elements.Any(e => Rune.IsLower(First(e))) ? 1 : 0)
            + (elements.Any(e => Rune.IsDigit(First(e))) ? 1 : 0)
            + (elements.Any(e => !Rune.IsLetterOrDigit(First(e))) ? 1 : 0);
        return kinds < 3
            ? "The new password must contain at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character."
            : null;
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
