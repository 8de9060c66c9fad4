namespace OpenCpm.Protocols.Ocpp;

/// <summary>What the schema asks of one field (or of an array's items), read from the record's metadata.</summary>
internal sealed record OcppFieldRule(string Name, bool Required, OcppFieldKind Kind)
{
    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public bool AbsoluteUri { get; init; }

    public decimal? MultipleOf { get; init; }

    public bool Sensitive { get; init; }

    public IReadOnlyList<string> EnumNames { get; init; } = [];

    public Type? ObjectType { get; init; }

    public OcppFieldRule? Item { get; init; }
}
