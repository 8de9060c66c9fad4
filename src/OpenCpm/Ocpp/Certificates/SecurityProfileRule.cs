using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>Security profile 3 needs a Charge Point Certificate with its private key, valid now (whoever edits the settings).</summary>
internal sealed class SecurityProfileRule(CertificateStore store) : ISettingsRule<OcppBackendSettings>
{
    public IEnumerable<string> Check(OcppBackendSettings document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SecurityProfile == 3 && !store.HasValidClientCertificate())
        {
            yield return "Security profile 3 needs a charge point certificate with its private key, valid now; none is installed.";
        }
    }
}
