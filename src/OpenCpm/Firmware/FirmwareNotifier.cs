using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Transfers;

namespace OpenCpm.Firmware;

/// <summary>
/// How a step of a firmware update is told to the backend: SignedFirmwareStatusNotification with the requestId for a
/// SignedUpdateFirmware, FirmwareStatusNotification with the nearest OCPP 1.6 status for an UpdateFirmware (a step
/// 1.6 has no status for is not told).
/// </summary>
internal sealed class FirmwareNotifier(TransferStatusSender sender)
{
    /// <summary>Tells <paramref name="status"/>; with <paramref name="waitForLink"/> it waits for the backend, else a link that is down drops it.</summary>
    public Task TellAsync(FirmwareJob job, SignedFirmwareStatus status, bool waitForLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Signed)
        {
            return Send(new SignedFirmwareStatusNotificationRequest { Status = status, RequestId = job.RequestId }, status.ToString(), waitForLink, cancellationToken);
        }

        return Legacy(status) is { } legacy
            ? Send(new FirmwareStatusNotificationRequest { Status = legacy }, legacy.ToString(), waitForLink, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>The OCPP 1.6 FirmwareStatus nearest to a step of the whitepaper's signed update, or null when 1.6 has none.</summary>
    public static FirmwareStatus? Legacy(SignedFirmwareStatus? status) => status switch
    {
        SignedFirmwareStatus.Downloading => FirmwareStatus.Downloading,
        SignedFirmwareStatus.Downloaded or SignedFirmwareStatus.SignatureVerified or SignedFirmwareStatus.InstallScheduled => FirmwareStatus.Downloaded,
        SignedFirmwareStatus.DownloadFailed => FirmwareStatus.DownloadFailed,
        SignedFirmwareStatus.Installing or SignedFirmwareStatus.InstallRebooting => FirmwareStatus.Installing,
        SignedFirmwareStatus.Installed => FirmwareStatus.Installed,
        SignedFirmwareStatus.InstallationFailed or SignedFirmwareStatus.InvalidSignature or SignedFirmwareStatus.InstallVerificationFailed => FirmwareStatus.InstallationFailed,
        _ => null,
    };

    private Task Send<TResponse>(Protocols.Ocpp.IOcppRequest<TResponse> request, string what, bool waitForLink, CancellationToken cancellationToken)
        where TResponse : class =>
        waitForLink ? sender.SendWhenConnectedAsync(request, what, cancellationToken) : sender.SendAsync(request, what, cancellationToken);
}
