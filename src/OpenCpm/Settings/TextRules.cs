using System.Globalization;
using OpenCpm.Security;

namespace OpenCpm.Settings;

/// <summary>
/// The rule for free text an operator types (display names, token names, user names): a bounded number of
/// characters as people count them (text elements, so an emoji or an accented letter is one), and no character that
/// could forge a log line (<see cref="LogText.IsUnsafe(string)"/>). Ids with a fixed character set have their own rules.
/// </summary>
internal static class TextRules
{
    /// <summary>Characters as people count them.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Null when <paramref name="text"/> is acceptable, else a sentence naming <paramref name="what"/>.</summary>
    public static string? Check(string what, string? text, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? $"{what} must be given." : null;
        }

        if (text.Length > maxLength && Length(text) is var length && length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} may have at most {maxLength} characters but has {length}.");
        }

        return LogText.IsUnsafe(text) ? $"{what} must not contain control characters or line breaks." : null;
    }
}
