using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// The charge point's check of the Central System's TLS certificate (whitepaper §2.4, profiles 2 and 3): the host name
/// must match, and the chain must lead to one of the installed Central System root certificates — or, when none is installed,
/// to the system's trust store.
/// </summary>
internal static class OcppServerCertificate
{
    public static bool IsTrusted(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, IReadOnlyList<X509Certificate2> roots, out string reason)
    {
        reason = errors.ToString();
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reason = "no certificate presented";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reason = "the certificate does not name the host";
            return false;
        }

        if (roots.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (chain.Build(leaf))
        {
            return true;
        }

        reason = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).DefaultIfEmpty("the chain does not lead to the Central System root"));
        return false;
    }
}
