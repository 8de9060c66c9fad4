using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GenericStatus (security whitepaper: GenericStatusEnumType), used in SignCertificate.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GenericStatus>))]
public enum GenericStatus
{
    Accepted,
    Rejected,
}
