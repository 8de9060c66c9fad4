using System.Text.RegularExpressions;

namespace OpenCpm.Updates;

/// <summary>Versions of packages: MAJOR.MINOR.PATCH with an optional pre-release suffix (2.1.0, 2.1.0-rc.1), compared as such.</summary>
internal static partial class UpdateVersion
{
    public static bool IsValid(string version) => Pattern().IsMatch(version);

    /// <summary>Negative when <paramref name="a"/> is older than <paramref name="b"/>; a pre-release comes before its release.</summary>
    public static int Compare(string a, string b)
    {
        var (numbersA, suffixA) = Split(a);
        var (numbersB, suffixB) = Split(b);
        var byNumbers = numbersA.CompareTo(numbersB);
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        return (suffixA, suffixB) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(suffixA, suffixB),
        };
    }

    private static (Version Numbers, string? Suffix) Split(string version)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var numbers = dash < 0 ? version : version[..dash];
        return (Version.TryParse(numbers, out var parsed) ? parsed : new Version(0, 0), dash < 0 ? null : version[(dash + 1)..]);
    }

    [GeneratedRegex(@"^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}(-[0-9A-Za-z.]{1,32})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
