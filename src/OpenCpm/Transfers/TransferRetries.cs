namespace OpenCpm.Transfers;

/// <summary>
/// How often and how far apart a transfer is tried: <c>retries</c> more attempts after the first (the backend's
/// number, else <see cref="DefaultRetries"/>; at most <see cref="MaxRetries"/>), <c>retryInterval</c> seconds apart
/// (else <see cref="DefaultInterval"/>; between 1 s and 1 h).
/// </summary>
internal sealed record TransferRetries(int Attempts, TimeSpan Interval)
{
    public const int DefaultRetries = 2;
    public const int MaxRetries = 10;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    public static TransferRetries From(int? retries, int? retryIntervalSeconds) => new(
        1 + Math.Clamp(retries ?? DefaultRetries, 0, MaxRetries),
        retryIntervalSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600)) : DefaultInterval);

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds or <see cref="Attempts"/> were made, waiting <see cref="Interval"/>
    /// (on <paramref name="time"/>) between them; <paramref name="failed"/> hears of each failure (attempt number from 1).
    /// Returns null on success, else the last failure.
    /// </summary>
    public async Task<TransferProblem?> RunAsync(
        Func<CancellationToken, Task> attempt, Action<int, TransferProblem> failed, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(failed);
        TransferProblem? last = null;
        for (var number = 1; number <= Attempts; number++)
        {
            if (number > 1)
            {
                await Task.Delay(Interval, time, cancellationToken);
            }

            try
            {
                await attempt(cancellationToken);
                return null;
            }
            catch (FileTransferException e)
            {
                last = e.Problem;
                failed(number, last);
            }
        }

        return last;
    }
}
