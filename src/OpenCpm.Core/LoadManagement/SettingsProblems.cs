namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The outcome of validating site settings: errors make the settings unusable, warnings are shown to the
/// operator but accepted (for example failsafe currents that don't fit the site limit).
/// </summary>
public sealed record SettingsProblems(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
