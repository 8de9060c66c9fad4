using System.Text;

namespace OpenCpm.Security;

/// <summary>
/// The one way a value that comes from outside (a user name, token name, host, id, address, a station's text) is
/// written to the console log, the event log or an error sentence: cut to a bounded length and with every character
/// that could forge a line or reorder text — control characters, line and paragraph separators, bidirectional
/// controls, unpaired surrogates — written as <c>\uXXXX</c>. Identifiers with such characters are refused where
/// they are validated (<see cref="IsUnsafe(string)"/>); this escapes what reaches a log before that.
/// </summary>
internal static class LogText
{
    public const int DefaultMaxLength = 80;

    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (text is null)
        {
            return "";
        }

        var cut = text.Length > maxLength;
        var length = cut ? maxLength : text.Length;
        if (cut && length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        if (!IsUnsafe(text.AsSpan(0, length)))
        {
            return cut ? string.Concat(text.AsSpan(0, length), "…") : text;
        }

        var escaped = new StringBuilder(length + 16);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c))
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return cut ? escaped.Append('…').ToString() : escaped.ToString();
    }

    /// <summary>True when <paramref name="text"/> has a character <see cref="Escape"/> would escape.</summary>
    public static bool IsUnsafe(string text) => IsUnsafe(text.AsSpan());

    public static bool IsUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
