using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>HashAlgorithm (security whitepaper: HashAlgorithmEnumType), used in DeleteCertificate.req, GetInstalledCertificateIds.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HashAlgorithm>))]
public enum HashAlgorithm
{
    SHA256,
    SHA384,
    SHA512,
}
