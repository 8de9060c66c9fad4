using System.Security.Cryptography.X509Certificates;
using OpenCpm.Ocpp.Certificates;

namespace OpenCpm.Tests.Firmware;

/// <summary>Manufacturer Root Certificates installed for a test (the certificate store is another part's work).</summary>
internal sealed class FixedManufacturerRoots(params X509Certificate2[] roots) : IManufacturerRootCertificates
{
    public IReadOnlyList<X509Certificate2> ManufacturerRoots() => roots;
}
