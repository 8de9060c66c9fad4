using OpenCpm.Settings;

namespace OpenCpm.Web;

/// <summary>
/// Puts the validator's sentences next to the fields that cause them, without a second copy of any rule: a sentence
/// belongs to a field when validating the saved site with only that field changed gives it. Sentences no single field
/// causes (a combination) are kept under <see cref="General"/>.
/// </summary>
internal sealed class FieldProblems
{
    public const string General = "";

    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public static FieldProblems None { get; } = new();

    public bool IsEmpty => _byField.Count == 0;

    public IReadOnlyList<string> Of(string field) => _byField.TryGetValue(field, out var list) ? list : [];

    public static FieldProblems Attribute(
        SiteConfiguration saved, IReadOnlyList<string> errors, IEnumerable<KeyValuePair<string, Func<SiteConfiguration, SiteConfiguration>>> fields)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(fields);
        var problems = new FieldProblems();
        var left = new HashSet<string>(errors, StringComparer.Ordinal);
        foreach (var (field, apply) in fields)
        {
            SiteConfiguration changed;
            try
            {
                changed = apply(saved);
            }
            catch (ArgumentException)
            {
                continue;
            }

            foreach (var error in changed.Validate().Errors.Where(errors.Contains))
            {
                problems.Add(field, error);
                left.Remove(error);
            }
        }

        foreach (var error in errors.Where(left.Contains))
        {
            problems.Add(General, error);
        }

        return problems;
    }

    /// <summary>All sentences under <see cref="General"/> (a settings document's validator names no field).</summary>
    public static FieldProblems AllGeneral(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problems = new FieldProblems();
        foreach (var error in errors)
        {
            problems.Add(General, error);
        }

        return problems;
    }

    private void Add(string field, string error)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }

        if (!list.Contains(error))
        {
            list.Add(error);
        }
    }
}
