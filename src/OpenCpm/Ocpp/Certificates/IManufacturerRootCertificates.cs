using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// The Manufacturer Root Certificates installed on the controller (security whitepaper: InstallCertificate with
/// certificateType ManufacturerRootCertificate, or an upload through the API). A signed firmware's signing certificate
/// must chain to one of them.
/// </summary>
internal interface IManufacturerRootCertificates
{
    /// <summary>The installed roots now (a fresh copy: the caller disposes nothing it did not create).</summary>
    IReadOnlyList<X509Certificate2> ManufacturerRoots();
}
