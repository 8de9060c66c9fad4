using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetInstalledCertificateStatus (security whitepaper: GetInstalledCertificateStatusEnumType), used in GetInstalledCertificateIds.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GetInstalledCertificateStatus>))]
public enum GetInstalledCertificateStatus
{
    Accepted,
    NotFound,
}
