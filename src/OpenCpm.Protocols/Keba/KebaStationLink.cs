using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Keba;

/// <summary>
/// The conversation with one station over the shared <see cref="KebaUdpEndpoint"/>: a serialized command queue
/// that keeps the timing rules (<see cref="KebaTimingGate"/>), one request in flight, replies matched by content,
/// timeouts with bounded retries. Everything the station sends that is not the awaited reply (push messages, late
/// reports) goes to <see cref="Unsolicited"/>.
/// </summary>
public sealed class KebaStationLink : IDisposable
{
    private readonly KebaUdpEndpoint _endpoint;
    private readonly KebaTimingOptions _timing;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly KebaTimingGate _gate;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<KebaMessage> _unsolicited = Channel.CreateBounded<KebaMessage>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Lock _sync = new();
    private PendingReply? _pending;
    private long _lastHeardTicks = long.MinValue;
    private long _datagramsFromOtherPorts;

    internal KebaStationLink(KebaUdpEndpoint endpoint, IPEndPoint station, KebaTimingOptions timing, TimeProvider timeProvider, ILogger logger)
    {
        _endpoint = endpoint;
        Station = station;
        _timing = timing;
        _timeProvider = timeProvider;
        _logger = logger;
        _gate = new KebaTimingGate(timing);
    }

    public IPEndPoint Station { get; }

    public IPAddress Address => Station.Address;

    /// <summary>When the station last sent anything (reply or push); null if never.</summary>
    public DateTimeOffset? LastHeard
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastHeardTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Datagrams from this station's address but another port than the stations' port, dropped unread.</summary>
    public long DatagramsFromOtherPorts => Interlocked.Read(ref _datagramsFromOtherPorts);

    /// <summary>Push messages and replies nobody was waiting for, in arrival order (oldest dropped past 256).</summary>
    public ChannelReader<KebaMessage> Unsolicited => _unsolicited.Reader;

    /// <summary>Sends a command when the timing rules allow and waits for its reply (retrying on timeout).</summary>
    public async Task<KebaExchange> SendAsync(KebaCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var held = false;
        try
        {
            while (true)
            {
                await _sendLock.WaitAsync(cancellationToken);
                held = true;
                var now = _timeProvider.GetUtcNow();
                var wait = _gate.EarliestSend(command, now) - now;
                if (command.Keyword != "report" || wait <= _timing.DatagramSpacing)
                {
                    break;
                }

                // A poll that must keep its distance from the same poll waits without the link, so a setpoint
                // (or any other command) goes out meanwhile instead of queueing behind it for up to 5 s.
                _sendLock.Release();
                held = false;
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            if (command.IsPhaseSwitch && !_gate.PhaseSwitchAllowed(_timeProvider.GetUtcNow()))
            {
                return new KebaExchange(KebaExchangeOutcome.NotAllowedNow, null, 0);
            }

            var attempts = Math.Max(1, _timing.MaxAttempts);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                var now = _timeProvider.GetUtcNow();
                var wait = _gate.EarliestSend(command, now, retry: attempt > 1) - now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken);
                }

                var pending = command.ExpectedReply == KebaReplyKind.None ? null : new PendingReply(command);
                lock (_sync)
                {
                    _pending = pending;
                }

                try
                {
                    await _endpoint.SendAsync(command.Text, Station, cancellationToken);
                }
                catch (SocketException ex)
                {
                    KebaLog.SendFailed(_logger, Address, command.Text, ex);
                }

                // Counted from when the datagram left, not from when it was decided: the next one keeps its distance.
                _gate.RecordSent(command, _timeProvider.GetUtcNow());

                if (pending is null)
                {
                    return new KebaExchange(KebaExchangeOutcome.Sent, null, attempt);
                }

                try
                {
                    var reply = await pending.Reply.Task.WaitAsync(_timing.ReplyTimeout, _timeProvider, cancellationToken);
                    return new KebaExchange(KebaExchangeOutcome.Replied, reply, attempt);
                }
                catch (TimeoutException)
                {
                    KebaLog.ReplyTimeout(_logger, Address, command.Text, attempt, attempts);
                }
                finally
                {
                    lock (_sync)
                    {
                        if (ReferenceEquals(_pending, pending))
                        {
                            _pending = null;
                        }
                    }
                }
            }

            return new KebaExchange(KebaExchangeOutcome.TimedOut, null, attempts);
        }
        finally
        {
            if (held)
            {
                _sendLock.Release();
            }
        }
    }

    internal void CountDatagramFromOtherPort() => Interlocked.Increment(ref _datagramsFromOtherPorts);

    /// <summary>Called by the endpoint's receive loop for every well-formed datagram from this station.</summary>
    internal void Deliver(KebaMessage message)
    {
        Interlocked.Exchange(ref _lastHeardTicks, _timeProvider.GetUtcNow().UtcTicks);
        PendingReply? matched = null;
        lock (_sync)
        {
            if (_pending is { } pending && pending.Matches(message))
            {
                matched = pending;
                _pending = null;
            }
        }

        if (matched is not null)
        {
            matched.Reply.TrySetResult(message);
            return;
        }

        if (message is KebaAcknowledge or KebaRejection)
        {
            KebaLog.UnexpectedMessage(_logger, message.GetType().Name, Station);
            return;
        }

        _unsolicited.Writer.TryWrite(message);
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _unsolicited.Writer.TryComplete();
    }

    private sealed class PendingReply(KebaCommand command)
    {
        public TaskCompletionSource<KebaMessage> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(KebaMessage message) => command.ExpectedReply switch
        {
            KebaReplyKind.Acknowledge => message is KebaAcknowledge or KebaRejection,
            KebaReplyKind.Firmware => message is KebaFirmwareInfo,
            KebaReplyKind.Report => message switch
            {
                KebaReport1 => command.ReportId == 1,
                KebaReport2 => command.ReportId == 2,
                KebaReport3 => command.ReportId == 3,
                KebaSessionReport s => command.ReportId == s.ReportId,
                _ => false,
            },
            _ => false,
        };
    }
}
