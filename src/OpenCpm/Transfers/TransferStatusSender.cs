using OpenCpm.Ocpp;
using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Transfers;

/// <summary>
/// Sends the status notifications of file transfers (FirmwareStatusNotification, DiagnosticsStatusNotification,
/// LogStatusNotification, SignedFirmwareStatusNotification) over the link as they happen: a status the backend can't
/// be told (no accepted connection, no answer) is logged and not kept — the next one, or a trigger, tells the
/// current state. <see cref="SendWhenConnectedAsync"/> waits for an accepted connection instead (the outcome of an
/// install, told after the restart).
/// </summary>
internal sealed class TransferStatusSender(CsmsLink link, ILogger<TransferStatusSender> logger)
{
    /// <summary>Sends once; true when the backend answered.</summary>
    public async Task<bool> SendAsync<TResponse>(IOcppRequest<TResponse> request, string status, CancellationToken cancellationToken)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await link.CallAsync(request, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is OcppConnectionClosedException or TimeoutException or OcppCallErrorException or OcppProtocolException)
        {
            TransferLog.NotSent(logger, ActionOf(request), status, e.Message);
            return false;
        }
    }

    /// <summary>Waits for an accepted connection and sends, again on the next connection until the backend answered.</summary>
    public async Task SendWhenConnectedAsync<TResponse>(IOcppRequest<TResponse> request, string status, CancellationToken cancellationToken)
        where TResponse : class
    {
        await foreach (var session in link.Session.WatchAsync(cancellationToken))
        {
            if (session is { Accepted: true } && await SendAsync(request, status, cancellationToken))
            {
                return;
            }
        }
    }

    private static string ActionOf(object request)
    {
        var name = request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }
}
