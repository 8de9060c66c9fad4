using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Keba;

/// <summary>
/// The host's one UDP socket for KEBA stations (default 0.0.0.0:7090, broadcast enabled). Every datagram to a station
/// goes out of this bound socket, so it always comes from port 7090 (firmware 3.10.80 ignores requests from any other
/// port). Receives everything, ignores its own <c>i</c> echo, parses each datagram and routes it to the
/// <see cref="KebaStationLink"/> of its source address. A station always sends from port 7090: a datagram from
/// another port is not the station's (a spoofed report could raise a site's headroom) and is dropped unparsed,
/// counted, and warned about at most once a minute per station. A datagram that is not valid KEBA is dropped,
/// counted, and warned about at most once a minute per station with the count (a burst of garbage is one warning,
/// not thousands); from an address that is no station, only at debug level. Nothing a peer sends can throw out of
/// the receive loop.
/// </summary>
public sealed class KebaUdpEndpoint : IAsyncDisposable
{
    private readonly KebaUdpEndpointOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<IPAddress, KebaStationLink> _links = new();
    private readonly ConcurrentDictionary<IPAddress, DropTally> _foreignPorts = new();
    private readonly ConcurrentDictionary<IPAddress, DropTally> _malformed = new();
    private long _datagramsFromOtherPorts;
    private long _malformedDatagrams;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;
    private Task _receiveLoop = Task.CompletedTask;
    private ConcurrentDictionary<IPAddress, string>? _discovery;

    public KebaUdpEndpoint(KebaUdpEndpointOptions options, TimeProvider timeProvider, ILogger<KebaUdpEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("The endpoint is not started."));

    /// <summary>Datagrams dropped because they came from a port other than the stations' port (all sources).</summary>
    public long DatagramsFromOtherPorts => Interlocked.Read(ref _datagramsFromOtherPorts);

    /// <summary>Datagrams dropped because they were not valid KEBA (all sources).</summary>
    public long MalformedDatagrams => Interlocked.Read(ref _malformedDatagrams);

    /// <summary>
    /// Binds the socket and starts the receive loop. Throws <see cref="SocketException"/> if the port is taken and
    /// <see cref="InvalidOperationException"/> for port 0: an ephemeral port would send to stations from a port they
    /// may ignore, and their replies go to 7090 anyway.
    /// </summary>
    public void Start()
    {
        if (_socket is not null)
        {
            return;
        }

        if (_options.Port == 0)
        {
            throw new InvalidOperationException(
                $"The KEBA endpoint must bind a fixed port (stations answer to {_options.StationPort.ToString(CultureInfo.InvariantCulture)}), not an ephemeral one.");
        }

        // Hundreds of stations may answer a round of polls at once: give the kernel room for their replies.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true, ReceiveBufferSize = 1 << 20 };
        try
        {
            socket.Bind(new IPEndPoint(_options.Address, _options.Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        KebaLog.Listening(_logger, socket.LocalEndPoint!);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(socket, _stop.Token));
    }

    /// <summary>The link to the station at <paramref name="station"/> (one per address; created on first use).</summary>
    public KebaStationLink Connect(IPAddress station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return _links.GetOrAdd(station, a => new KebaStationLink(this, new IPEndPoint(a, _options.StationPort), _options.Timing, _timeProvider, _logger));
    }

    /// <summary>
    /// Sends <c>i</c> to <paramref name="target"/> (a broadcast address on a real site) and collects the firmware
    /// replies for <paramref name="window"/>; repeats once if nobody answered.
    /// </summary>
    public async Task<IReadOnlyList<KebaDiscoveredStation>> DiscoverAsync(IPAddress target, TimeSpan window, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<IPAddress, string>();
        _discovery = found;
        try
        {
            for (var round = 0; round < 2 && found.IsEmpty; round++)
            {
                await SendAsync("i", new IPEndPoint(target, _options.StationPort), cancellationToken);
                await Task.Delay(window, _timeProvider, cancellationToken);
            }
        }
        finally
        {
            _discovery = null;
        }

        return [.. found.Select(kv => new KebaDiscoveredStation(kv.Key, kv.Value)).OrderBy(s => s.Address.ToString(), StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Dispose();
        try
        {
            await _receiveLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        foreach (var link in _links.Values)
        {
            link.Dispose();
        }
    }

    internal async ValueTask SendAsync(string text, IPEndPoint to, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The endpoint is not started.");
        await socket.SendToAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, to, cancellationToken);
    }

    /// <summary>Classifies one datagram and routes it; logs and drops anything malformed or from a foreign port. Never throws.</summary>
    internal void HandleDatagram(ReadOnlySpan<byte> payload, IPEndPoint source)
    {
        if (source.Port != _options.StationPort)
        {
            DropFromOtherPort(source);
            return;
        }

        KebaMessage message;
        try
        {
            message = KebaCodec.Parse(payload);
        }
        catch (KebaProtocolException ex)
        {
            DropMalformed(source, ex.Message);
            return;
        }

        if (message is KebaIdentifyEcho)
        {
            return;
        }

        if (message is KebaFirmwareInfo info && _discovery is { } discovery)
        {
            discovery[source.Address] = info.Firmware;
        }

        if (_links.TryGetValue(source.Address, out var link))
        {
            link.Deliver(message);
        }
        else if (message is not KebaFirmwareInfo)
        {
            KebaLog.UnknownSource(_logger, source);
        }
    }

    private void DropFromOtherPort(IPEndPoint source)
    {
        Interlocked.Increment(ref _datagramsFromOtherPorts);
        if (!_links.TryGetValue(source.Address, out var link))
        {
            KebaLog.UnknownSource(_logger, source);
            return;
        }

        link.CountDatagramFromOtherPort();
        if (WarningDue(_foreignPorts, source.Address) is { } dropped)
        {
            KebaLog.DatagramsFromOtherPort(_logger, dropped, source.Address, source.Port, _options.StationPort);
        }
    }

    private void DropMalformed(IPEndPoint source, string reason)
    {
        Interlocked.Increment(ref _malformedDatagrams);
        if (!_links.ContainsKey(source.Address))
        {
            KebaLog.MalformedFromUnknownSource(_logger, source, reason);
        }
        else if (WarningDue(_malformed, source.Address) is { } dropped)
        {
            KebaLog.MalformedDatagrams(_logger, dropped, source, reason);
        }
    }

    /// <summary>Counts one dropped datagram; the count to warn about when a minute has passed since the station's last warning, else null.</summary>
    private int? WarningDue(ConcurrentDictionary<IPAddress, DropTally> tallies, IPAddress station)
    {
        var tally = tallies.GetOrAdd(station, _ => new DropTally());
        var now = _timeProvider.GetUtcNow();
        lock (tally)
        {
            tally.Dropped++;
            if (tally.LastWarning is { } last && now - last < WarningInterval)
            {
                return null;
            }

            tally.LastWarning = now;
            var dropped = tally.Dropped;
            tally.Dropped = 0;
            return dropped;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                KebaLog.ReceiveFailed(_logger, ex);
                continue;
            }

            HandleDatagram(buffer.AsSpan(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
        }
    }

    private sealed class DropTally
    {
        public int Dropped { get; set; }

        public DateTimeOffset? LastWarning { get; set; }
    }
}
