using System.Globalization;

namespace OpenCpm.Transfers;

/// <summary>
/// One network step of an FTP exchange bounded by the idle timeout: a peer that stops talking fails the attempt with a
/// sentence instead of hanging it. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class FtpTimeout
{
    public static async Task<T> RunAsync<T>(TimeSpan idle, string doing, Func<CancellationToken, ValueTask<T>> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(idle);
        try
        {
            return await step(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FtpException(TransferFailure.Failed, $"nothing happened for {idle.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s while {doing}", e);
        }
    }

    public static Task RunAsync(TimeSpan idle, string doing, Func<CancellationToken, ValueTask> step, CancellationToken cancellationToken) =>
        RunAsync(idle, doing, async ct =>
        {
            await step(ct);
            return true;
        }, cancellationToken);
}
