using OpenCpm.Ocpp.Certificates;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// The whitepaper's certificate management (<see cref="CertificateStore"/>): InstallCertificate (one PEM root;
/// Rejected when it is not a usable root or the store is full, Failed when it can't be stored), DeleteCertificate
/// (by hash data; the Charge Point Certificate and a root the connection stands on are Failed), GetInstalledCertificateIds,
/// and CertificateSigned (<see cref="ChargePointCertificateSigning"/>).
/// </summary>
internal sealed class CertificateHandlers(CertificateStore store, ChargePointCertificateSigning signing, SecurityEvents securityEvents) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<InstallCertificateRequest, InstallCertificateResponse>(InstallAsync);
        router.On<DeleteCertificateRequest, DeleteCertificateResponse>(DeleteAsync);
        router.On<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>(request =>
        {
            var hashes = store.HashData(TypeOf(request.CertificateType));
            return hashes.Count == 0
                ? new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatus.NotFound }
                : new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatus.Accepted, CertificateHashData = hashes };
        });
        router.On<CertificateSignedRequest, CertificateSignedResponse>(async (request, context) =>
            new CertificateSignedResponse { Status = await signing.AcceptAsync(request.CertificateChain, context.CancellationToken) });
    }

    private async ValueTask<InstallCertificateResponse> InstallAsync(InstallCertificateRequest request, OcppCallContext context)
    {
        CertificateResult result;
        try
        {
            var bundle = CertificateBundle.FromPem(request.Certificate, null, "certificate");
            result = bundle.Certificates.Count == 1
                ? await store.InstallRootAsync(TypeOf(request.CertificateType), bundle.Certificates[0], context.CancellationToken)
                : CertificateResult.Rejected("InstallCertificate carries exactly one certificate.");
        }
        catch (CertificateProblemException ex)
        {
            result = CertificateResult.Rejected(ex.Message);
        }

        if (result.Status == InstallCertificateStatus.Accepted)
        {
            await securityEvents.RaiseAsync(SecurityEvents.ReconfigurationOfSecurityParameters, $"{request.CertificateType} installed: {result.Certificate!.Subject}", context.CancellationToken);
        }

        return new InstallCertificateResponse { Status = result.Status };
    }

    private async ValueTask<DeleteCertificateResponse> DeleteAsync(DeleteCertificateRequest request, OcppCallContext context)
    {
        var status = await store.DeleteAsync(request.CertificateHashData, context.CancellationToken);
        if (status == DeleteCertificateStatus.Accepted)
        {
            await securityEvents.RaiseAsync(SecurityEvents.ReconfigurationOfSecurityParameters, $"certificate with serial number {request.CertificateHashData.SerialNumber} deleted", context.CancellationToken);
        }

        return new DeleteCertificateResponse { Status = status };
    }

    private static CertificateType TypeOf(CertificateUse use) => use == CertificateUse.ManufacturerRootCertificate ? CertificateType.ManufacturerRoot : CertificateType.CentralSystemRoot;
}
