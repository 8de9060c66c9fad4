using System.Globalization;
using System.Text;

namespace OpenCpm.Core.Configuration;

/// <summary>
/// The rules for texts on a station's display (manual 8.1.6): at most 20 characters, letters, digits and a few plain
/// punctuation marks only; the units "Wh" and "kWh" are reserved for the energy the station shows, so they are taken
/// out of a text (and the caller says so) rather than displayed.
/// </summary>
public static class DisplayTextRules
{
    public const int MaxLength = 20;

    /// <summary>The characters besides ASCII letters and digits that every display shows as written.</summary>
    public const string AllowedPunctuation = " .,:!?-";

    private static readonly string[] ReservedUnits = ["kWh", "Wh"];

    /// <summary>
    /// The text as it will be shown: reserved units removed (listed in <see cref="DisplayTextCheck.RemovedUnits"/>),
    /// spaces collapsed and trimmed; <see cref="DisplayTextCheck.Problem"/> says why the result can't be shown.
    /// </summary>
    public static DisplayTextCheck Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var removed = new List<string>();
        var cleaned = text;
        foreach (var unit in ReservedUnits)
        {
            cleaned = RemoveUnit(cleaned, unit, removed);
        }

        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.FirstOrDefault(c => !IsAllowed(c)) is var bad && bad != default)
        {
            return new DisplayTextCheck(cleaned, removed, string.Create(CultureInfo.InvariantCulture,
                $"\"{text}\" contains '{bad}' (U+{(int)bad:X4}): a display text may hold only letters A-Z, digits, spaces and {string.Join(" ", AllowedPunctuation.Trim().ToCharArray())}"));
        }

        if (cleaned.Length > MaxLength)
        {
            return new DisplayTextCheck(cleaned, removed, string.Create(CultureInfo.InvariantCulture,
                $"\"{cleaned}\" has {cleaned.Length} characters: a display text has at most {MaxLength}"));
        }

        return new DisplayTextCheck(cleaned, removed, null);
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || AllowedPunctuation.Contains(c, StringComparison.Ordinal);

    /// <summary>Removes <paramref name="unit"/> where it stands as a unit: not inside a longer word ("White" keeps its "Wh").</summary>
    private static string RemoveUnit(string text, string unit, List<string> removed)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var at = text.IndexOf(unit, i, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            var end = at + unit.Length;
            var standsAlone = (at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]));
            result.Append(text, i, at - i);
            if (standsAlone)
            {
                if (!removed.Contains(unit))
                {
                    removed.Add(unit);
                }
            }
            else
            {
                result.Append(text, at, unit.Length);
            }

            i = end;
        }

        result.Append(text, i, text.Length - i);
        return result.ToString();
    }
}
