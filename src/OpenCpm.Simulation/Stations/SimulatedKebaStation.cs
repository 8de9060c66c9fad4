using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// A simulated KEBA P30 on its own UDP socket (IP:7090 by default): answers commands like the real station of its
/// firmware profile, replies and pushes from its own port to the sender's IP at the controller port (7090), and
/// advances its <see cref="KebaStationModel"/> on a timer of the injected <see cref="TimeProvider"/>. One async
/// receive and one timer per station, no thread.
/// </summary>
public sealed class SimulatedKebaStation : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly KebaStationModel _model;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _replyPort;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private readonly Task _receiveLoop;
    private DateTimeOffset? _lastCommandAt;
    private long _datagramsReceived;
    private long _setpointCommands;
    private long _commandsDropped;
    private long _ignoredFromOtherPorts;

    private SimulatedKebaStation(Socket socket, KebaStationModel model, TimeProvider timeProvider, ILogger logger, int replyPort, TimeSpan tick)
    {
        _socket = socket;
        _model = model;
        _timeProvider = timeProvider;
        _logger = logger;
        _replyPort = replyPort;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _timer = timeProvider.CreateTimer(_ => Tick(), null, tick, tick);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_stop.Token));
    }

    public IPEndPoint EndPoint { get; }

    public IPAddress Address => EndPoint.Address;

    public KebaStationProfile Profile => _model.Profile;

    public KebaStationFaults Faults => _model.Faults;

    /// <summary>Counts every datagram received (dropped ones included).</summary>
    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Commands taken that set the current or the enable (<c>curr</c>, <c>currtime</c>, <c>ena</c>): a controller's setpoint changes and watchdog feeds.</summary>
    public long SetpointCommands => Interlocked.Read(ref _setpointCommands);

    /// <summary>Commands dropped because they came too soon after the previous one (<see cref="KebaStationFaults.DropBursts"/>).</summary>
    public long CommandsDropped => Interlocked.Read(ref _commandsDropped);

    /// <summary>Requests ignored because they did not come from the controller port (<see cref="KebaFirmwareProfile.AnswersOnlyFromPort7090"/>).</summary>
    public long IgnoredFromOtherPorts => Interlocked.Read(ref _ignoredFromOtherPorts);

    /// <summary>
    /// Binds <paramref name="address"/>:<paramref name="port"/> and starts answering. Replies and push messages go
    /// to the sender's address at <paramref name="replyPort"/> (a real P30 always uses 7090).
    /// </summary>
    public static SimulatedKebaStation Start(
        IPAddress address,
        KebaStationProfile profile,
        TimeProvider timeProvider,
        ILogger? logger = null,
        int port = KebaUdpEndpointOptions.DefaultPort,
        int replyPort = KebaUdpEndpointOptions.DefaultPort,
        TimeSpan? tick = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var model = new KebaStationModel(profile, timeProvider.GetUtcNow());
        return new SimulatedKebaStation(socket, model, timeProvider, logger ?? NullLogger.Instance, replyPort, tick ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Plugs a vehicle in; it follows the pilot after its reaction delay.</summary>
    public void PlugIn(VehicleSpec spec) => Mutate(m => m.PlugIn(spec, _timeProvider.GetUtcNow()));

    public void Unplug() => Mutate(m => m.Unplug(_timeProvider.GetUtcNow()));

    /// <summary>Holds an RFID card to the reader (authorizes a whitelisted tag; the same tag again ends its session).</summary>
    public void PresentCard(string tag) => Mutate(m => m.PresentCard(tag, _timeProvider.GetUtcNow()));

    /// <summary>Power-cycles the station (see <see cref="KebaStationModel.Reboot"/>).</summary>
    public void Reboot() => Mutate(m => m.Reboot(_timeProvider.GetUtcNow()));

    /// <summary>Closes (true) or opens the enable input X1; the station pushes <c>{"Input": 1}</c> or <c>{"Input": 0}</c>.</summary>
    public void SetInput(bool closed) => Mutate(m => m.SetInput(closed, _timeProvider.GetUtcNow()));

    /// <summary>State 4 with this Error1 code; 0 clears it.</summary>
    public void SetError(int error1) => Mutate(m => m.SetError(error1, _timeProvider.GetUtcNow()));

    /// <summary>
    /// Sends <paramref name="text"/> (Latin-1, as is) from the station's own socket, i.e. from its address at its port:
    /// for tests that need garbage or a scripted datagram to come from where the station's replies come from.
    /// </summary>
    public void SendRaw(string text, IPEndPoint to)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(to);
        try
        {
            _socket.SendTo(Encoding.Latin1.GetBytes(text), SocketFlags.None, to);
        }
        catch (SocketException ex)
        {
            KebaLog.SimulatorSendFailed(_logger, Profile.Serial, ex);
        }
    }

    /// <summary>Reads the station's state consistently (advanced to now), e.g. <c>station.Inspect(m =&gt; m.Report2())</c>.</summary>
    public T Inspect<T>(Func<KebaStationModel, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_sync)
        {
            _model.Advance(_timeProvider.GetUtcNow());
            return read(_model);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiveLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private void Mutate(Action<KebaStationModel> change)
    {
        IReadOnlyList<KebaPushMessage> pushes;
        IPAddress? target;
        lock (_sync)
        {
            change(_model);
            pushes = _model.TakePushMessages();
            target = _model.LastCommander;
        }

        SendPushes(pushes, target);
    }

    private void Tick()
    {
        try
        {
            Mutate(m => m.Advance(_timeProvider.GetUtcNow()));
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void SendPushes(IReadOnlyList<KebaPushMessage> pushes, IPAddress? target)
    {
        if (pushes.Count == 0 || target is null || Faults.Silent)
        {
            return;
        }

        var to = new IPEndPoint(target, _replyPort);
        foreach (var push in pushes)
        {
            TrySend(KebaCodec.Format(push), to);
        }
    }

    private void TrySend(string text, IPEndPoint to)
    {
        try
        {
            _socket.SendTo(Encoding.ASCII.GetBytes(text), SocketFlags.None, to);
        }
        catch (SocketException ex)
        {
            KebaLog.SimulatorSendFailed(_logger, Profile.Serial, ex);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            Interlocked.Increment(ref _datagramsReceived);
            var sender = (IPEndPoint)result.RemoteEndPoint;
            var text = Encoding.Latin1.GetString(buffer, 0, result.ReceivedBytes);
            Receive(text, sender);
        }
    }

    private void Receive(string text, IPEndPoint sender)
    {
        if (Faults.Silent || Faults.TakeDrop())
        {
            return;
        }

        if (Profile.Firmware.AnswersOnlyFromPort7090 && sender.Port != _replyPort)
        {
            Interlocked.Increment(ref _ignoredFromOtherPorts);
            KebaLog.SimulatorIgnoredOtherPort(_logger, Profile.Serial, Profile.Firmware.Version, sender.Port, _replyPort);
            return;
        }

        KebaMessage? reply;
        IReadOnlyList<KebaPushMessage> pushes;
        IPAddress? target;
        lock (_sync)
        {
            // A burst: the station is still busy with the last command it took and drops this one unanswered.
            var now = _timeProvider.GetUtcNow();
            if (Faults.DropBursts && _lastCommandAt is { } last && now - last < Faults.BurstSpacing)
            {
                Interlocked.Increment(ref _commandsDropped);
                var gap = now - last;
                KebaLog.SimulatorDroppedBurst(_logger, Profile.Serial, text, gap.TotalMilliseconds);
                return;
            }

            _lastCommandAt = now;
            if (text.StartsWith("curr", StringComparison.Ordinal) || text.StartsWith("ena", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _setpointCommands);
            }

            reply = _model.Handle(text, sender.Address, now);
            if (reply is null && _model.LastRejected is { } reason)
            {
                KebaLog.SimulatorIgnoredCommand(_logger, Profile.Serial, reason);
            }

            pushes = _model.TakePushMessages();
            target = _model.LastCommander;
        }

        if (Faults.RepliesLostFor is { } lost && text.TrimStart().StartsWith(lost, StringComparison.Ordinal))
        {
            reply = null;
        }

        if (Faults.PushBeforeReply)
        {
            SendPushes(pushes, target);
        }

        if (reply is not null)
        {
            TrySend(KebaCodec.Format(reply), new IPEndPoint(sender.Address, _replyPort));
        }

        if (!Faults.PushBeforeReply)
        {
            SendPushes(pushes, target);
        }
    }
}
