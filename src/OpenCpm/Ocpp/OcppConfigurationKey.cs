using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// One configuration key the controller reports and the backend may change: how its value is read from the settings,
/// and (unless read-only) how a new value is checked and written into a batch of settings. <see cref="Write"/>
/// returns null when the value is not acceptable (ChangeConfiguration Rejected).
/// </summary>
/// <param name="Name">The key's OCPP name.</param>
/// <param name="Read">The value as reported (OCPP strings: "true"/"false", integers, comma-separated lists).</param>
internal sealed record OcppConfigurationKey(string Name, Func<SettingsSnapshot, OcppConnectors, string> Read)
{
    /// <summary>Writes the value into the batch; null = Rejected. Absent = read-only.</summary>
    public Func<SettingsBatch, string, bool?>? Write { get; init; }

    public bool ReadOnly => Write is null;

    /// <summary>False for a write-only key (AuthorizationKey: never reported).</summary>
    public bool Reported { get; init; } = true;

    /// <summary>The change takes effect only after the answer is on the wire (it reconnects the link).</summary>
    public bool AppliedAfterAnswer { get; init; }
}
