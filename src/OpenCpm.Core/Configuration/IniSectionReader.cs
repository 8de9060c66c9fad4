using System.Globalization;

namespace OpenCpm.Core.Configuration;

/// <summary>
/// Reads the variables of one section as typed values. A variable the file leaves out keeps the value given as
/// fallback (the file changes only what it names); an empty value means "none" where the setting is optional. A value
/// that can't be read is added to the problems with its line, section and variable, and the fallback is returned so
/// reading can go on and report every problem at once. <see cref="Unread"/> lists the variables nobody asked for.
/// </summary>
public sealed class IniSectionReader(IniSection section, ICollection<IniProblem> problems)
{
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public IniSection Section => section;

    /// <summary>The section's variables that were not read: unknown to the caller.</summary>
    public IEnumerable<IniEntry> Unread => section.Entries.Where(e => !_read.Contains(e.Key));

    public bool Has(string key) => section.Find(key) is not null;

    /// <summary>The entry, marked as read; null when the file leaves it out.</summary>
    public IniEntry? Entry(string key)
    {
        _read.Add(key);
        return section.Find(key);
    }

    /// <summary>Marks a variable as known without reading it (e.g. one that is reported separately).</summary>
    public void Skip(string key) => _read.Add(key);

    public void Problem(IniEntry entry, string message)
    {
        ArgumentNullException.ThrowIfNull(entry);
        problems.Add(new IniProblem(entry.Line, section.Name, entry.Key, message));
    }

    /// <summary>Text; empty means none (null).</summary>
    public string? Text(string key, string? fallback, int maxLength)
    {
        if (Entry(key) is not { } entry)
        {
            return fallback;
        }

        if (entry.Value.Length > maxLength)
        {
            Problem(entry, F($"must have at most {maxLength} characters but has {entry.Value.Length}."));
            return fallback;
        }

        return entry.Value.Length == 0 ? null : entry.Value;
    }

    /// <summary>A secret: exported empty, so an empty value (or none) keeps the stored one.</summary>
    public string? Secret(string key, string? stored, int maxLength)
    {
        var value = Text(key, stored, maxLength);
        return string.IsNullOrEmpty(value) ? stored : value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (Entry(key) is not { } entry)
        {
            return fallback;
        }

        switch (entry.Value.ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                return false;
            default:
                Problem(entry, $"must be TRUE or FALSE but is \"{entry.Value}\".");
                return fallback;
        }
    }

    public int WholeNumber(string key, int fallback, int min, int max)
    {
        if (Entry(key) is not { } entry)
        {
            return fallback;
        }

        if (!int.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(entry, F($"must be a whole number from {min} to {max} but is \"{entry.Value}\"."));
            return fallback;
        }

        return value;
    }

    public double Number(string key, double fallback, double min, double max) =>
        Entry(key) is { } entry ? ParseNumber(entry, min, max, optional: false) ?? fallback : fallback;

    /// <summary>A number where an empty value means none (no limit…).</summary>
    public double? OptionalNumber(string key, double? fallback, double min, double max) =>
        Entry(key) is { } entry ? entry.Value.Length == 0 ? null : ParseNumber(entry, min, max, optional: true) ?? fallback : fallback;

    /// <summary>One of the names of <typeparamref name="TEnum"/>, ignoring case.</summary>
    public TEnum Choice<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (Entry(key) is not { } entry)
        {
            return fallback;
        }

        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, entry.Value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Problem(entry, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())} but is \"{entry.Value}\".");
            return fallback;
        }

        return Enum.Parse<TEnum>(match);
    }

    /// <summary>How numbers are written: invariant culture, shortest form that reads back the same.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "TRUE" : "FALSE";

    private double? ParseNumber(IniEntry entry, double min, double max, bool optional)
    {
        if (double.TryParse(entry.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        var comma = entry.Value.Contains(',', StringComparison.Ordinal) ? " (write decimals with a point, not a comma)" : "";
        var empty = optional ? ", or empty for none," : "";
        Problem(entry, F($"must be a number from {Format(min)} to {Format(max)}{empty} but is \"{entry.Value}\"{comma}."));
        return null;
    }

    private static string F(FormattableString text) => FormattableString.Invariant(text);
}
