using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CertificateSignedStatus (security whitepaper: CertificateSignedStatusEnumType), used in CertificateSigned.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CertificateSignedStatus>))]
public enum CertificateSignedStatus
{
    Accepted,
    Rejected,
}
