using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// The operator's uploads (REST API, web UI): a root as PEM or .pfx, the Charge Point Certificate with its private key
/// as PEM (certificate(s) and key, the key optionally encrypted) or as .pfx with its password. Each installed
/// certificate raises ReconfigurationOfSecurityParameters.
/// </summary>
internal sealed class CertificateUploads(CertificateStore store, SecurityEvents securityEvents)
{
    public async Task<CertificateResult> UploadAsync(CertificateType type, string? pem, byte[]? pfx, string? password, CancellationToken cancellationToken)
    {
        CertificateBundle bundle;
        try
        {
            bundle = (pem, pfx) switch
            {
                ({ Length: > 0 }, null) => CertificateBundle.FromPem(pem, password),
                (null, { Length: > 0 }) => CertificateBundle.FromPfx(pfx, password),
                (null, null) => throw new CertificateProblemException("Give the certificate as pem (PEM text) or as pfx (a base64 .pfx file).", "pem"),
                _ => throw new CertificateProblemException("Give either pem or pfx, not both.", "pfx"),
            };
        }
        catch (CertificateProblemException ex)
        {
            return CertificateResult.Rejected(ex.Message, ex.Field);
        }

        var field = pem is not null ? "pem" : "pfx";
        CertificateResult result;
        if (type == CertificateType.ChargePoint)
        {
            result = bundle.Pkcs8Key is { } key
                ? await store.InstallChargePointAsync(bundle.Leaf, bundle.Others, key, cancellationToken)
                : CertificateResult.Rejected("The charge point certificate needs its private key (a PEM PRIVATE KEY block, or a .pfx with the key).", field);
        }
        else
        {
            result = bundle.Certificates.Count == 1
                ? await store.InstallRootAsync(type, bundle.Certificates[0], cancellationToken)
                : CertificateResult.Rejected($"A root certificate upload holds exactly one certificate but this one holds {bundle.Certificates.Count}.", field);
        }

        if (result.Status == InstallCertificateStatus.Accepted)
        {
            await securityEvents.RaiseAsync(SecurityEvents.ReconfigurationOfSecurityParameters, $"{type} certificate uploaded: {result.Certificate!.Subject}", cancellationToken);
        }

        return result.Field is "certificate" or "key" ? result with { Field = field } : result; // the request field it came in
    }
}
