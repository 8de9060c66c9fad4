using System.Threading.Channels;

namespace OpenCpm.Stations;

/// <summary>
/// Where drivers report their <see cref="StationEvent"/>s. Every subscriber gets every event, in order, through its
/// own bounded queue (the oldest is dropped when a subscriber falls 1,000 behind, so no driver ever waits).
/// </summary>
internal sealed class StationEvents
{
    private const int QueueLength = 1000;
    private readonly Lock _lock = new();
    private Channel<StationEvent>[] _subscribers = [];

    public void Publish(StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(stationEvent);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Writer.TryWrite(stationEvent);
        }
    }

    /// <summary>The events published from now on, until <paramref name="cancellationToken"/> ends the subscription.</summary>
    public ChannelReader<StationEvent> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<StationEvent>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _subscribers = [.. _subscribers, channel];
        }

        cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(s => s != channel)];
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }
}
