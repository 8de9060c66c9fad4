namespace OpenCpm.Settings;

/// <summary>
/// One saved change, announced after it is stored: the area (<see cref="SiteArea"/> or a settings document's key),
/// the settings before and after.
/// </summary>
internal sealed record SettingsChange(string Area, SettingsSnapshot Before, SettingsSnapshot After)
{
    /// <summary>The area of the site limits, clusters and charge points.</summary>
    public const string SiteArea = "site";

    /// <summary>
    /// Everything may have changed: the first announcement (all read from the database), or an edit of several areas
    /// at once (<see cref="SettingsService.UpdateManyAsync"/>: a configuration file, a factory reset).
    /// </summary>
    public const string LoadedArea = "loaded";
}
