namespace OpenCpm.Data;

/// <summary>A settings document stored as JSON under a key (meter, OCPP backend, authorization).</summary>
internal sealed class SettingsDocumentRow
{
    public required string Key { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
