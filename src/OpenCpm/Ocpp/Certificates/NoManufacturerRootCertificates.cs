using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>Until the certificate store is in: no Manufacturer Root Certificate is installed, so no signed firmware is trusted.</summary>
internal sealed class NoManufacturerRootCertificates : IManufacturerRootCertificates
{
    public IReadOnlyList<X509Certificate2> ManufacturerRoots() => [];
}
