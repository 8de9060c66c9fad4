namespace OpenCpm.Protocols.Keba;

/// <summary>
/// A spontaneous status message: a JSON object without <c>ID</c> holding the field(s) that changed,
/// e.g. <c>{"E pres": 29181}</c> or <c>{"State": 3}</c>. Values are numbers in the report's units.
/// </summary>
public sealed record KebaPushMessage(IReadOnlyDictionary<string, long> Fields) : KebaMessage
{
    public KebaPushMessage(string field, long value)
        : this(new Dictionary<string, long>(StringComparer.Ordinal) { [field] = value })
    {
    }

    public long? Get(string field) => Fields.TryGetValue(field, out var value) ? value : null;

    public bool Equals(KebaPushMessage? other) =>
        other is not null && Fields.Count == other.Fields.Count && Fields.All(kv => other.Fields.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => Fields.Count;
}
