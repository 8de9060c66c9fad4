using OpenCpm.Live;

namespace OpenCpm.Web.Live;

/// <summary>
/// A page's subscription to a <see cref="LiveValue{T}"/> (the eShop pattern: subscribe, update on the renderer with
/// InvokeAsync + StateHasChanged, dispose with the page), at most once per <c>minInterval</c> and always with the
/// newest value: the control loop publishes after every cycle, a browser needs no more than a refresh a second.
/// </summary>
internal sealed class LiveRefresh<T> : IDisposable
{
    /// <summary>
    /// The pages' interval: a little under a second, so a page shows every second's news even when the loop's own
    /// one-second cycles and the renderer's timing drift against each other.
    /// </summary>
    public static readonly TimeSpan PageInterval = TimeSpan.FromMilliseconds(900);

    private readonly Func<T, Task> _update;
    private readonly Func<Exception, Task> _fail;
    private readonly TimeSpan _minInterval;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private T _latest;
    private bool _scheduled;
    private long _lastUpdate;

    /// <param name="source">What to watch.</param>
    /// <param name="update">Applies a value on the page's renderer (the page passes <c>v => InvokeAsync(() => { …; StateHasChanged(); })</c>).</param>
    /// <param name="fail">The page's DispatchExceptionAsync, for a failing update.</param>
    /// <param name="minInterval">The shortest time between two updates.</param>
    /// <param name="time">The clock.</param>
    public LiveRefresh(LiveValue<T> source, Func<T, Task> update, Func<Exception, Task> fail, TimeSpan minInterval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(source);
        _update = update;
        _fail = fail;
        _minInterval = minInterval;
        _time = time;
        _latest = source.Current;
        _lastUpdate = time.GetTimestamp();
        _subscription = source.Subscribe(OnPublished);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }

    private void OnPublished(T value)
    {
        lock (_lock)
        {
            _latest = value;
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        _ = UpdateSoonAsync();
    }

    private async Task UpdateSoonAsync()
    {
        try
        {
            var wait = _minInterval - _time.GetElapsedTime(Interlocked.Read(ref _lastUpdate));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, _stop.Token);
            }

            T value;
            lock (_lock)
            {
                value = _latest;
                _scheduled = false;
            }

            Interlocked.Exchange(ref _lastUpdate, _time.GetTimestamp());
            await _update(value);
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        catch (ObjectDisposedException)
        {
            // The page went away while its update was queued.
        }
        catch (Exception ex)
        {
            await _fail(ex);
        }
    }
}
