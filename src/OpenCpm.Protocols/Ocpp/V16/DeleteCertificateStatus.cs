using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DeleteCertificateStatus (security whitepaper: DeleteCertificateStatusEnumType), used in DeleteCertificate.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeleteCertificateStatus>))]
public enum DeleteCertificateStatus
{
    Accepted,
    Failed,
    NotFound,
}
