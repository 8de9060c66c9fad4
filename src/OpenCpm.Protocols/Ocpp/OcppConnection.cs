using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// OCPP-J RPC over any <see cref="WebSocket"/> (a <see cref="ClientWebSocket"/> to a Central System, or a socket Kestrel
/// accepted from a station). <see cref="RunAsync"/> reads frames until the socket closes; meanwhile
/// <see cref="CallAsync{TResponse}(IOcppRequest{TResponse}, CancellationToken)"/> sends one CALL at a time and waits for
/// the answer with the same id (or a timeout on the injected <see cref="TimeProvider"/>), and incoming CALLs go in order to
/// the <see cref="OcppRouter"/>'s typed handlers, off the receive loop, so a handler may itself call the peer.
/// Anything malformed is answered with the right CALLERROR when it was a CALL, and logged and ignored otherwise;
/// answers for unknown ids are logged and ignored; oversized frames are drained without being kept.
/// </summary>
public sealed class OcppConnection : IAsyncDisposable
{
    private const int New = 0;
    private const int Running = 1;
    private const int Ended = 2;

    private readonly WebSocket _socket;
    private readonly OcppConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OcppCallDispatcher _dispatcher;
    private readonly OcppFrameWriter _writer;
    private readonly SemaphoreSlim _callGate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<OcppCall> _incoming;
    private readonly OcppCallSlot _slot = new();
    private int _state;
    private long _lastSentTicks;
    private long _lastReceivedTicks;

    public OcppConnection(WebSocket socket, OcppRouter? router = null, OcppConnectionOptions? options = null, TimeProvider? timeProvider = null, ILogger<OcppConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _options = options ?? new OcppConnectionOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _writer = new OcppFrameWriter(socket);
        _dispatcher = new OcppCallDispatcher(router ?? new OcppRouter(), _options.Actions, _options.Name, _logger);
        _incoming = Channel.CreateBounded<OcppCall>(new BoundedChannelOptions(_options.MaxQueuedIncomingCalls) { SingleReader = true, SingleWriter = true });
    }

    /// <summary>The subprotocol the WebSocket handshake agreed, e.g. <c>ocpp1.6</c>.</summary>
    public string? Subprotocol => _socket.SubProtocol;

    public bool IsOpen => Volatile.Read(ref _state) == Running && _socket.State == WebSocketState.Open;

    /// <summary>When we last put a frame on the wire (a Heartbeat is only due after HeartbeatInterval without one).</summary>
    public DateTimeOffset? LastSentAt => Ticks(Interlocked.Read(ref _lastSentTicks));

    public DateTimeOffset? LastReceivedAt => Ticks(Interlocked.Read(ref _lastReceivedTicks));

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>Completes when <see cref="RunAsync"/> has ended.</summary>
    public Task Completion => _ended.Task;

    /// <summary>
    /// Reads and dispatches frames until the peer closes, <see cref="CloseAsync"/> is called, the socket breaks, or
    /// <paramref name="cancellationToken"/> is cancelled (which aborts the socket). Never throws for a peer's fault.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Running, New) != New)
        {
            throw new InvalidOperationException("RunAsync runs once per connection.");
        }

        // Not awaited at the end: a handler still busy when the link drops must not hold up the caller's reconnect.
        _ = DispatchIncomingAsync();
        try
        {
            await ReceiveLoopAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _state, Ended);
            await _closing.CancelAsync();
            _incoming.Writer.TryComplete();
            _slot.Fail(new OcppConnectionClosedException($"the connection closed before the answer came ({Describe()})"));
            _ended.TrySetResult();
        }
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class => CallAsync(request, timeout: null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> as a CALL once every earlier CALL of ours is answered, and returns the answer.
    /// Throws <see cref="OcppCallErrorException"/> when the peer answers with a CALLERROR, <see cref="TimeoutException"/>
    /// when it does not answer in time (<paramref name="timeout"/>, else <see cref="OcppConnectionOptions.CallTimeout"/>),
    /// <see cref="OcppProtocolException"/> when the answer breaks the schema (or our own request would), and
    /// <see cref="OcppConnectionClosedException"/> when the connection ends first.
    /// </summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, TimeSpan? timeout, CancellationToken cancellationToken)
        where TResponse : class => (TResponse)await CallAnyAsync(request, timeout, cancellationToken);

    /// <summary>
    /// <see cref="CallAsync{TResponse}(IOcppRequest{TResponse}, TimeSpan?, CancellationToken)"/> for a request whose type
    /// is known only at run time (a stored transaction message read back with <see cref="OcppCodec.ReadPayload(JsonElement, System.Text.Json.Serialization.Metadata.JsonTypeInfo, string)"/>);
    /// returns the response record of the request's action.
    /// </summary>
    public async Task<object> CallAnyAsync(object request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = _options.Actions.ForRequest(request.GetType());
        var payload = OcppCodec.WritePayload(request, action.RequestInfo, action.RequestContext);
        EnsureRunning();
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token))
        {
            try
            {
                await _callGate.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OcppConnectionClosedException($"the connection closed before {action.Name} could be sent");
            }
        }

        try
        {
            EnsureRunning();
            return await ExchangeAsync(action, payload, timeout ?? _options.CallTimeout, cancellationToken);
        }
        finally
        {
            _callGate.Release();
        }
    }

    /// <summary>Starts the closing handshake and waits (up to <see cref="OcppConnectionOptions.CloseTimeout"/>) for <see cref="RunAsync"/> to end.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default)
    {
        await _writer.CloseOutputAsync(status, description, cancellationToken);
        if (Volatile.Read(ref _state) == New)
        {
            _socket.Abort();
            return;
        }

        try
        {
            await _ended.Task.WaitAsync(_options.CloseTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
            await _ended.Task;
        }
    }

    /// <summary>Closes (when running) and disposes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == Running)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        _socket.Dispose();
    }

    private async Task<object> ExchangeAsync(OcppAction action, JsonElement payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = _slot.Open(_options.NewMessageId(), action);

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The timer starts before the frame leaves, so a test on a fake clock that sees the frame can advance past it.
        var answer = pending.Answer.Task.WaitAsync(timeout, _time, stopWaiting.Token);
        try
        {
            await SendAsync(new OcppCall(pending.MessageId, action.Name, payload), cancellationToken);
            OcppFrame frame;
            try
            {
                frame = await answer;
            }
            catch (TimeoutException)
            {
                OcppLog.CallTimedOut(_logger, _options.Name, pending.MessageId, action.Name, timeout.TotalSeconds);
                throw new TimeoutException($"no answer to {action.Name} (message id {pending.MessageId}) within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            return frame switch
            {
                OcppCallResult result => ReadResult(result, action),
                OcppCallError error => throw new OcppCallErrorException(error.ErrorCode, error.Description, error.Details),
                _ => throw new InvalidOperationException($"a {frame.MessageType} cannot answer a CALL"),
            };
        }
        finally
        {
            _slot.Close(pending);
            if (!answer.IsCompleted)
            {
                await stopWaiting.CancelAsync();
                _ = answer.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private object ReadResult(OcppCallResult result, OcppAction action)
    {
        try
        {
            return OcppCodec.ReadPayload(result.Payload, action.ResponseInfo, action.ResponseContext);
        }
        catch (OcppProtocolException exception)
        {
            OcppLog.InvalidResult(_logger, _options.Name, result.MessageId, action.Name, exception.Message);
            throw;
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        using var reader = new OcppMessageReader(_socket, _options.MaxFrameBytes);
        try
        {
            while (await reader.ReadAsync(cancellationToken) is { } message)
            {
                Interlocked.Exchange(ref _lastReceivedTicks, _time.GetUtcNow().UtcTicks);
                if (message.Oversized)
                {
                    await RefuseAsync(OcppCodec.Oversized(message.Bytes.Span, message.Length, _options.MaxFrameBytes), message.Length);
                }
                else if (message.Length > 0)
                {
                    await HandleFrameAsync(message.Bytes);
                }
            }

            OcppLog.Closed(_logger, _options.Name, _socket.CloseStatus, _socket.CloseStatusDescription);
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _writer.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            _socket.Abort();
        }
        catch (WebSocketException exception)
        {
            OcppLog.ConnectionBroke(_logger, _options.Name, exception.Message);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> bytes)
    {
        OcppFrame frame;
        try
        {
            frame = OcppCodec.Parse(bytes.Span, _options.MaxFrameBytes);
        }
        catch (OcppProtocolException exception)
        {
            await RefuseAsync(exception, bytes.Length);
            return;
        }

        Trace(frame, outbound: false);
        switch (frame)
        {
            case OcppCall call when !_incoming.Writer.TryWrite(call):
                OcppLog.TooManyCalls(_logger, _options.Name, _options.MaxQueuedIncomingCalls, call.MessageId, call.Action);
                await TrySendAsync(OcppCallError.Create(call.MessageId, OcppErrorCode.GenericError, "too many CALLs are waiting to be handled"));
                break;
            case OcppCall:
                break;
            default:
                Resolve(frame);
                break;
        }
    }

    private async Task RefuseAsync(OcppProtocolException exception, long length)
    {
        OcppLog.MalformedFrame(_logger, _options.Name, length, exception.Message);
        _options.OnFrame?.Invoke(new OcppFrameTrace(_time.GetUtcNow(), Outbound: false, $"({length.ToString(CultureInfo.InvariantCulture)} bytes refused: {exception.Message})"));
        if (exception.CanBeAnswered)
        {
            await TrySendAsync(_dispatcher.Refuse(exception.MessageId!, "?", exception.ErrorCode, exception.Message));
        }
        else if (exception.MessageId is { } id && exception.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError)
        {
            _slot.Fail(exception, id);
        }
    }

    private void Resolve(OcppFrame answer)
    {
        if (!_slot.TryAnswer(answer))
        {
            OcppLog.UnknownMessageId(_logger, _options.Name, answer.MessageType == OcppMessageType.CallResult ? "CALLRESULT" : "CALLERROR", answer.MessageId);
        }
    }

    private async Task DispatchIncomingAsync()
    {
        try
        {
            await foreach (var call in _incoming.Reader.ReadAllAsync(_closing.Token))
            {
                var (answer, context) = await _dispatcher.AnswerAsync(call, _closing.Token);
                if (await TrySendAsync(answer) is { } failure)
                {
                    context?.MarkReplyFailed(failure);
                }
                else
                {
                    context?.MarkReplySent();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection is closing: CALLs still queued go unanswered, as the peer is gone.
        }
    }

    private async Task<OcppConnectionClosedException?> TrySendAsync(OcppFrame frame)
    {
        try
        {
            await SendAsync(frame, CancellationToken.None);
            return null;
        }
        catch (OcppConnectionClosedException exception)
        {
            return exception;
        }
    }

    private async Task SendAsync(OcppFrame frame, CancellationToken cancellationToken)
    {
        await _writer.SendAsync(frame, cancellationToken);
        Interlocked.Exchange(ref _lastSentTicks, _time.GetUtcNow().UtcTicks);
        Trace(frame, outbound: true);
    }

    private void Trace(OcppFrame frame, bool outbound)
    {
        var logged = _logger.IsEnabled(LogLevel.Debug);
        if (!logged && _options.OnFrame is null)
        {
            return;
        }

        var text = OcppRedaction.ToLogText(frame);
        if (logged && outbound)
        {
            OcppLog.FrameSent(_logger, _options.Name, text);
        }
        else if (logged)
        {
            OcppLog.FrameReceived(_logger, _options.Name, text);
        }

        _options.OnFrame?.Invoke(new OcppFrameTrace(_time.GetUtcNow(), outbound, text));
    }

    private void EnsureRunning()
    {
        switch (Volatile.Read(ref _state))
        {
            case New:
                throw new InvalidOperationException("Start RunAsync before calling the peer: nothing reads the answers yet.");
            case Ended:
                throw new OcppConnectionClosedException($"the connection is closed ({Describe()})");
        }
    }

    private string Describe() =>
        _socket.CloseStatus is { } status ? $"{status} {_socket.CloseStatusDescription}".TrimEnd() : "no close status";

    private static DateTimeOffset? Ticks(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
}
