using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OpenCpm.Live;

/// <summary>
/// The host's one live-update mechanism: a value that changes over time (the site snapshot, a station's status, the
/// grid meter, the settings). Readers take <see cref="Current"/>; whoever must react subscribes — synchronously with
/// <see cref="Subscribe"/> (the handler runs on the publisher's thread, so it must be quick and must not throw: wake a
/// loop, mark something dirty) or asynchronously with <see cref="WatchAsync"/> (the current value, then changes; a
/// slow reader skips to the newest value and never holds the publisher up).
/// </summary>
internal sealed class LiveValue<T>(T initial)
{
    private readonly Lock _lock = new();
    private T _current = initial;
    private long _version;
    private Action<T>[] _subscribers = [];

    public T Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>How many times a value was published (0 = still the initial one).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Makes <paramref name="value"/> current and tells every subscriber, in the order they subscribed.</summary>
    public void Publish(T value)
    {
        Action<T>[] subscribers;
        lock (_lock)
        {
            _current = value;
            _version++;
            subscribers = _subscribers;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(value);
        }
    }

    /// <summary>
    /// Makes <paramref name="value"/> current without telling anyone: for a change nobody needs to react to (a
    /// station's last-heard time), which readers of <see cref="Current"/> still see.
    /// </summary>
    public void SetQuietly(T value)
    {
        lock (_lock)
        {
            _current = value;
        }
    }

    /// <summary>Calls <paramref name="onChange"/> with every value published from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<T> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    /// <summary>The current value, then every newer one until cancelled; a slow reader gets the newest and skips the rest.</summary>
    public async IAsyncEnumerable<T> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var subscription = Subscribe(value => channel.Writer.TryWrite(value));
        channel.Writer.TryWrite(Current);
        while (await channel.Reader.WaitToReadAsync(cancellationToken))
        {
            while (channel.Reader.TryRead(out var value))
            {
                yield return value;
            }
        }
    }

    private void Unsubscribe(Action<T> onChange)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, onChange))];
        }
    }

    private sealed class Subscription(LiveValue<T> owner, Action<T> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }
}
