using OpenCpm.Firmware;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Transfers;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// UpdateFirmware (FirmwareManagement profile) and SignedUpdateFirmware (security whitepaper), carried out by
/// <see cref="FirmwareUpdates"/>. UpdateFirmware is always answered (its answer has no status); a location that
/// can't be used is told DownloadFailed at the retrieve time. SignedUpdateFirmware is InvalidCertificate when the
/// signing certificate does not chain to a Manufacturer Root Certificate, Rejected when the location is not an http(s)
/// URL or an installation is under way, AcceptedCanceled when it replaces an update under way.
/// </summary>
internal sealed class FirmwareHandlers(FirmwareUpdates firmware, TimeProvider time, ILogger<FirmwareHandlers> logger) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<UpdateFirmwareRequest, UpdateFirmwareResponse>(UpdateAsync);
        router.On<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>(SignedUpdateAsync);
    }

    private async ValueTask<UpdateFirmwareResponse> UpdateAsync(UpdateFirmwareRequest request, OcppCallContext context)
    {
        await firmware.RequestAsync(new FirmwareJob
        {
            Id = Guid.NewGuid().ToString("N"),
            Signed = false,
            Location = request.Location,
            RetrieveAt = request.RetrieveDate,
            Retries = request.Retries,
            RetryIntervalSeconds = request.RetryInterval,
            ReceivedAt = time.GetUtcNow(),
        }, context.ReplySent, context.CancellationToken);
        return new UpdateFirmwareResponse();
    }

    private async ValueTask<SignedUpdateFirmwareResponse> SignedUpdateAsync(SignedUpdateFirmwareRequest request, OcppCallContext context)
    {
        var firmwareFile = request.Firmware;
        if (await firmware.CheckSigningCertificateAsync(firmwareFile.SigningCertificate, context.CancellationToken) is not null)
        {
            return Answer(UpdateFirmwareStatus.InvalidCertificate);
        }

        if (!TransferLocation.TryParse(firmwareFile.Location, out _, out var problem))
        {
            TransferLog.Failed(logger, $"SignedUpdateFirmware {request.RequestId}", problem!.Reason);
            return Answer(UpdateFirmwareStatus.Rejected);
        }

        return Answer(await firmware.RequestAsync(new FirmwareJob
        {
            Id = Guid.NewGuid().ToString("N"),
            Signed = true,
            RequestId = request.RequestId,
            Location = firmwareFile.Location,
            RetrieveAt = firmwareFile.RetrieveDateTime,
            InstallAt = firmwareFile.InstallDateTime,
            Retries = request.Retries,
            RetryIntervalSeconds = request.RetryInterval,
            SigningCertificate = firmwareFile.SigningCertificate,
            Signature = firmwareFile.Signature,
            ReceivedAt = time.GetUtcNow(),
        }, context.ReplySent, context.CancellationToken));
    }

    private static SignedUpdateFirmwareResponse Answer(UpdateFirmwareStatus status) => new() { Status = status };
}
