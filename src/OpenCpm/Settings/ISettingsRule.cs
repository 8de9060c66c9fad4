namespace OpenCpm.Settings;

/// <summary>
/// A check of a settings document that needs more than the document itself (such as the meter profiles installed):
/// registered as a service, run by <see cref="SettingsService"/> with the document's own <c>Validate()</c> on every
/// edit, whoever makes it.
/// </summary>
internal interface ISettingsRule<in TDocument>
{
    /// <summary>What is wrong, one sentence each; empty when the document passes.</summary>
    IEnumerable<string> Check(TDocument document);
}
