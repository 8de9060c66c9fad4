using System.Threading.Channels;

namespace OpenCpm.Control;

/// <summary>
/// The loop of a background service that works on every event and at least once per interval: a step runs, then the
/// loop sleeps until <see cref="Wake"/> or the next tick (wakes while a step runs fold into one). A step that throws is
/// reported and the loop goes on; only cancellation of the service ends it.
/// </summary>
internal sealed class WakeableLoop(TimeSpan interval, TimeProvider timeProvider)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a step now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task RunAsync(Func<CancellationToken, Task> step, Action<Exception> stepFailed, CancellationToken stoppingToken)
    {
        var ticker = TickAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await step(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    stepFailed(ex);
                }

                await _wake.Reader.ReadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await ticker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Wake();
        }
    }
}
