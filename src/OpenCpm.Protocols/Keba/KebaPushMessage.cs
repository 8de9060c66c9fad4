namespace OpenCpm.Protocols.Keba;

/// <summary>
/// A spontaneous status message: a JSON object without <c>ID</c> holding the field(s) that changed,
/// e.g. <c>{"E pres": 29181}</c> or <c>{"State": 3}</c>. Values are numbers in the report's units; field names are
/// matched ignoring case (<c>"E Pres"</c> is <c>"E pres"</c>).
/// </summary>
public sealed record KebaPushMessage(IReadOnlyDictionary<string, long> Fields) : KebaMessage
{
    public KebaPushMessage(string field, long value)
        : this(new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { [field] = value })
    {
    }

    public long? Get(string field)
    {
        if (Fields.TryGetValue(field, out var value))
        {
            return value;
        }

        foreach (var (name, v) in Fields)
        {
            if (string.Equals(name, field, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    public bool Equals(KebaPushMessage? other) =>
        other is not null && Fields.Count == other.Fields.Count && Fields.All(kv => other.Get(kv.Key) == kv.Value);

    public override int GetHashCode() => Fields.Count;
}
