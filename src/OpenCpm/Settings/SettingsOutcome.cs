namespace OpenCpm.Settings;

/// <summary>What became of an edit: saved (with the risks the validator found), refused with reasons, or aimed at nothing.</summary>
internal sealed record SettingsOutcome<T>
{
    public T? Value { get; private init; }

    public IReadOnlyList<string> Errors { get; private init; } = [];

    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>Set when the edit named something that does not exist (a charge point id…).</summary>
    public string? Missing { get; private init; }

    public bool IsSaved => Errors.Count == 0 && Missing is null;

    /// <summary>False when the edit found nothing to change (nothing was written).</summary>
    public bool Changed { get; private init; } = true;

    public static SettingsOutcome<T> Saved(T value, IReadOnlyList<string> warnings) => new() { Value = value, Warnings = warnings };

    public static SettingsOutcome<T> Unchanged() => new() { Changed = false };

    public static SettingsOutcome<T> Invalid(IReadOnlyList<string> errors) => new() { Errors = errors };

    public static SettingsOutcome<T> NotFound(string message) => new() { Missing = message };
}
