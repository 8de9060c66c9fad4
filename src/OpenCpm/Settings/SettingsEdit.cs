namespace OpenCpm.Settings;

/// <summary>
/// The result of an edit function: the edited value, or why there is none (the thing to edit does not exist, or
/// the request contradicts itself). A plain value converts to a successful edit.
/// </summary>
internal readonly record struct SettingsEdit<T>
{
    public T? Value { get; private init; }

    public string? Missing { get; private init; }

    public IReadOnlyList<string>? Refused { get; private init; }

    /// <summary>Nothing to change: nothing is saved, announced or audited.</summary>
    public bool Unchanged { get; private init; }

    public static implicit operator SettingsEdit<T>(T value) => new() { Value = value };

    public static SettingsEdit<T> NoChange() => new() { Unchanged = true };

    public static SettingsEdit<T> NotFound(string message) => new() { Missing = message };

    public static SettingsEdit<T> Refuse(params IReadOnlyList<string> reasons) => new() { Refused = reasons };
}
