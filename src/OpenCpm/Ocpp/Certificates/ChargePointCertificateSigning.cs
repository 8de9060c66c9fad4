using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// The whitepaper's renewal of the Charge Point Certificate (TC_074): a new ECDSA P-256 key pair and a signing request
/// (CN = the charge box id, O = CpoName) sent as SignCertificate; the backend's CertificateSigned is accepted only for
/// that key, with a chain that leads to an installed Central System root and is valid now — then it replaces the
/// installed certificate and is used from the next connection on. Anything else is Rejected and raises
/// InvalidChargePointCertificate. The pending key is kept encrypted in SQLite (<see cref="PendingSigningKey"/>): a
/// CertificateSigned that comes after a restart still finds it.
/// </summary>
internal sealed class ChargePointCertificateSigning(
    CsmsLink link,
    CertificateStore store,
    PendingSigningKey pending,
    SecurityEvents securityEvents,
    SettingsService settings,
    TimeProvider time)
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private readonly Lock _lock = new();
    private byte[]? _pendingKey;

    /// <summary>Makes a key pair and a CSR and sends SignCertificate; returns the backend's answer.</summary>
    public async Task<GenericStatus> RequestAsync(CancellationToken cancellationToken)
    {
        var backend = settings.Current.Get<OcppBackendSettings>();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = SigningRequest(key, backend.ChargeBoxId ?? "", backend.CpoName);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        await pending.SaveAsync(pkcs8, cancellationToken);
        lock (_lock)
        {
            if (_pendingKey is { } old)
            {
                CryptographicOperations.ZeroMemory(old);
            }

            _pendingKey = pkcs8;
        }

        var answer = await link.CallAsync(new SignCertificateRequest { Csr = csr }, cancellationToken);
        return answer.Status;
    }

    /// <summary>CertificateSigned: installs the chain when it belongs to the pending key and checks out.</summary>
    public async Task<CertificateSignedStatus> AcceptAsync(string certificateChain, CancellationToken cancellationToken)
    {
        byte[]? key;
        lock (_lock)
        {
            key = _pendingKey;
        }

        if (key is null && await pending.LoadAsync(cancellationToken) is { } stored)
        {
            lock (_lock)
            {
                key = _pendingKey ??= stored; // the request made before a restart
            }
        }

        var problem = key is null ? "no certificate signing request is pending" : null;
        CertificateBundle? bundle = null;
        if (problem is null)
        {
            try
            {
                bundle = CertificateBundle.FromPem(certificateChain, null, "certificateChain");
            }
            catch (CertificateProblemException ex)
            {
                problem = ex.Message;
            }
        }

        problem ??= ChainProblem(bundle!.Certificates[0], bundle.Certificates.Skip(1), key!);
        if (problem is null)
        {
            var result = await store.InstallChargePointAsync(bundle!.Certificates[0], [.. bundle.Certificates.Skip(1)], key!, cancellationToken);
            problem = result.Status == InstallCertificateStatus.Accepted ? null : result.Problem;
        }

        if (problem is not null)
        {
            await securityEvents.RaiseAsync(SecurityEvents.InvalidChargePointCertificate, problem, cancellationToken);
            return CertificateSignedStatus.Rejected;
        }

        lock (_lock)
        {
            if (ReferenceEquals(_pendingKey, key))
            {
                _pendingKey = null;
            }
        }

        await pending.ClearAsync(cancellationToken);

        await securityEvents.RaiseAsync(SecurityEvents.ReconfigurationOfSecurityParameters, $"new charge point certificate {bundle!.Certificates[0].Subject}, used from the next connection", cancellationToken);
        return CertificateSignedStatus.Accepted;
    }

    /// <summary>A PKCS#10 request, PEM: CN = charge box id, O = CPO name (when set), for TLS client authentication.</summary>
    public static string SigningRequest(ECDsa key, string chargeBoxId, string? cpoName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(chargeBoxId);
        if (cpoName is { Length: > 0 })
        {
            name.AddOrganizationName(cpoName);
        }

        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuth)], false));
        return request.CreateSigningRequestPem();
    }

    private string? ChainProblem(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, byte[] key)
    {
        if (!PrivateKeys.Matches(leaf, key))
        {
            return "the certificate is not for the key of the pending signing request";
        }

        var roots = store.CentralSystemRoots();
        if (roots.Count == 0)
        {
            return "no Central System root certificate is installed to check its chain against";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        return chain.Build(leaf) ? null : "its chain does not lead to an installed Central System root: " + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
    }
}
