using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>InstallCertificateStatus (security whitepaper: InstallCertificateStatusEnumType), used in InstallCertificate.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstallCertificateStatus>))]
public enum InstallCertificateStatus
{
    Accepted,
    Failed,
    Rejected,
}
