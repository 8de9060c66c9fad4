namespace OpenCpm.Protocols.Ocpp;

/// <summary>The JSON schema type of a field, as the validator checks it.</summary>
internal enum OcppFieldKind
{
    String,
    Integer,
    Decimal,
    Boolean,
    DateTime,
    Enum,
    Object,
    Array,
}
