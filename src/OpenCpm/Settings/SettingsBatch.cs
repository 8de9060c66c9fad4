using System.Collections.Immutable;
using System.Text.Json;
using OpenCpm.Data;

namespace OpenCpm.Settings;

/// <summary>
/// One edit of several areas at once (a configuration file, a factory reset): the charging network and any settings
/// documents, validated together and saved in one transaction by <see cref="SettingsService.UpdateManyAsync"/> — so
/// either all of it is in effect or none of it. A document set is checked by its own <c>Validate()</c> and, given the
/// services, by every <see cref="ISettingsRule{TDocument}"/> registered for it (as a single edit would be).
/// </summary>
internal sealed class SettingsBatch(SettingsSnapshot before, IServiceProvider? services = null)
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public SettingsSnapshot Before => before;

    /// <summary>The charging network as it will be saved (starts as it is).</summary>
    public SiteConfiguration Site { get; set; } = before.Site;

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The document as this batch leaves it so far.</summary>
    public T Get<T>()
        where T : class, ISettingsDocument<T> =>
        _documents.TryGetValue(T.Key, out var json) ? JsonSerializer.Deserialize<T>(json, SettingsJson.Options) ?? T.Default
        : _removed.Contains(T.Key) ? T.Default
        : before.Get<T>();

    /// <summary>Sets a document; what its <c>Validate</c> finds wrong refuses the whole batch.</summary>
    public void Set<T>(T document)
        where T : class, ISettingsDocument<T>
    {
        ArgumentNullException.ThrowIfNull(document);
        _errors.AddRange(document.Validate());
        if (services is not null)
        {
            _errors.AddRange(services.GetServices<ISettingsRule<T>>().SelectMany(rule => rule.Check(document)));
        }
        _removed.Remove(T.Key);
        _documents[T.Key] = JsonSerializer.Serialize(document, SettingsJson.Options);
    }

    /// <summary>Everything back to its defaults: no charge points, default limits, every document removed.</summary>
    public void ResetAll()
    {
        Site = SiteConfiguration.Empty;
        _documents.Clear();
        _removed.UnionWith(before.DocumentsJson.Keys);
    }

    /// <summary>Refuses the batch with these reasons (nothing is saved).</summary>
    public void Refuse(IEnumerable<string> reasons) => _errors.AddRange(reasons);

    public IReadOnlyDictionary<string, string> Documents => _documents;

    public IReadOnlyCollection<string> Removed => _removed;

    public SettingsSnapshot After => new(
        Site,
        before.DocumentsJson.RemoveRange(_removed).SetItems(_documents).ToImmutableDictionary(StringComparer.Ordinal));
}
