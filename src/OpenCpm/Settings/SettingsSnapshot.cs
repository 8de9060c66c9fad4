using System.Collections.Immutable;
using System.Text.Json;
using OpenCpm.Data;

namespace OpenCpm.Settings;

/// <summary>
/// All the operator's settings at one moment: the charging network and every settings document (kept as the JSON
/// stored, read as its type on demand). Immutable.
/// </summary>
internal sealed record SettingsSnapshot(SiteConfiguration Site, ImmutableDictionary<string, string> DocumentsJson)
{
    public static SettingsSnapshot Empty { get; } = new(SiteConfiguration.Empty, ImmutableDictionary<string, string>.Empty);

    /// <summary>The document of type <typeparamref name="T"/> (its defaults when it was never saved).</summary>
    public T Get<T>()
        where T : class, ISettingsDocument<T> =>
        DocumentsJson.TryGetValue(T.Key, out var json) ? JsonSerializer.Deserialize<T>(json, SettingsJson.Options) ?? T.Default : T.Default;

    public SettingsSnapshot With<T>(T document)
        where T : class, ISettingsDocument<T> =>
        this with { DocumentsJson = DocumentsJson.SetItem(T.Key, JsonSerializer.Serialize(document, SettingsJson.Options)) };
}
