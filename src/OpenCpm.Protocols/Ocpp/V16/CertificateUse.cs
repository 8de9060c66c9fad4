using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CertificateUse (security whitepaper: CertificateUseEnumType), used in GetInstalledCertificateIds.req, InstallCertificate.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CertificateUse>))]
public enum CertificateUse
{
    CentralSystemRootCertificate,
    ManufacturerRootCertificate,
}
