using System.Buffers;
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
    private const int DrainBytes = 4096;

    private readonly WebSocket _socket;
    private readonly OcppRouter _router;
    private readonly OcppConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _callGate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<OcppCall> _incoming;
    private readonly Lock _pendingLock = new();
    private OcppPendingCall? _pending;
    private int _state;
    private long _lastSentTicks;
    private long _lastReceivedTicks;

    public OcppConnection(WebSocket socket, OcppRouter? router = null, OcppConnectionOptions? options = null, TimeProvider? timeProvider = null, ILogger<OcppConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _router = router ?? new OcppRouter();
        _options = options ?? new OcppConnectionOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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
            FailPending(new OcppConnectionClosedException($"the connection closed before the answer came ({Describe(_socket.CloseStatus, _socket.CloseStatusDescription)})"));
            _ended.TrySetResult();
        }
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class => CallAsync(request, timeout: null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> as a CALL once every earlier CALL of ours is answered, and returns the answer.
    /// Throws <see cref="OcppCallErrorException"/> when the peer answers with a CALLERROR, <see cref="TimeoutException"/>
    /// when it does not answer in time, <see cref="OcppProtocolException"/> when the answer breaks the schema (or our own
    /// request would), and <see cref="OcppConnectionClosedException"/> when the connection ends first.
    /// </summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, TimeSpan? timeout, CancellationToken cancellationToken)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = _options.Actions.ForRequest(request.GetType());
        var payload = OcppCodec.WritePayload(request, action.RequestInfo, action.RequestContext);
        EnsureRunning();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        try
        {
            await _callGate.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException($"the connection closed before {action.Name} could be sent");
        }

        try
        {
            EnsureRunning();
            return (TResponse)await ExchangeAsync(action, payload, timeout ?? _options.CallTimeout, cancellationToken);
        }
        finally
        {
            _callGate.Release();
        }
    }

    /// <summary>Starts the closing handshake and waits (up to <see cref="OcppConnectionOptions.CloseTimeout"/>) for <see cref="RunAsync"/> to end.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await _socket.CloseOutputAsync(status, description, cancellationToken);
            }
            catch (WebSocketException)
            {
                _socket.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                _sendLock.Release();
            }
        }

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

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == Running)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        _socket.Dispose();
        _closing.Dispose();
        _sendLock.Dispose();
        _callGate.Dispose();
    }

    private async Task<object> ExchangeAsync(OcppAction action, JsonElement payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new OcppPendingCall(_options.NewMessageId(), action);
        lock (_pendingLock)
        {
            _pending = pending;
        }

        try
        {
            // The timer starts before the frame leaves, so a test on a fake clock that sees the frame can advance past it.
            var answer = pending.Answer.Task.WaitAsync(timeout, _time, cancellationToken);
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
            lock (_pendingLock)
            {
                if (ReferenceEquals(_pending, pending))
                {
                    _pending = null;
                }
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
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(16 * 1024, _options.MaxFrameBytes + 1));
        var drain = ArrayPool<byte>.Shared.Rent(DrainBytes);
        try
        {
            while (true)
            {
                var count = 0;
                long total = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length && buffer.Length < _options.MaxFrameBytes)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _options.MaxFrameBytes));
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var target = count < buffer.Length ? buffer.AsMemory(count, Math.Min(buffer.Length, _options.MaxFrameBytes) - count) : drain.AsMemory();
                    if (target.Length == 0)
                    {
                        target = drain.AsMemory();
                    }

                    result = await _socket.ReceiveAsync(target, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await AnswerCloseAsync();
                        return;
                    }

                    total += result.Count;
                    if (!target.Equals(drain.AsMemory()))
                    {
                        count += result.Count;
                    }
                }
                while (!result.EndOfMessage);

                Interlocked.Exchange(ref _lastReceivedTicks, _time.GetUtcNow().UtcTicks);
                if (total > _options.MaxFrameBytes)
                {
                    await RefuseAsync(OcppCodec.Oversized(buffer.AsSpan(0, count), total, _options.MaxFrameBytes), total);
                }
                else if (total > 0)
                {
                    await HandleFrameAsync(buffer.AsMemory(0, count));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(drain);
        }
    }

    private async Task AnswerCloseAsync()
    {
        OcppLog.Closed(_logger, _options.Name, _socket.CloseStatus, _socket.CloseStatusDescription);
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync();
            try
            {
                await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                _sendLock.Release();
            }
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
                await AnswerErrorAsync(call.MessageId, call.Action, OcppErrorCode.GenericError, "too many CALLs are waiting to be handled", null);
                break;
            case OcppCall:
                break;
            default:
                Resolve(frame.MessageId, frame, kind: frame.MessageType == OcppMessageType.CallResult ? "CALLRESULT" : "CALLERROR");
                break;
        }
    }

    private async Task RefuseAsync(OcppProtocolException exception, long length)
    {
        OcppLog.MalformedFrame(_logger, _options.Name, length, exception.Message);
        _options.OnFrame?.Invoke(new OcppFrameTrace(_time.GetUtcNow(), Outbound: false, $"({length.ToString(CultureInfo.InvariantCulture)} bytes refused: {exception.Message})"));
        if (exception.CanBeAnswered)
        {
            await AnswerErrorAsync(exception.MessageId!, "?", exception.ErrorCode, exception.Message, null);
        }
        else if (exception.MessageId is { } id && exception.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError)
        {
            lock (_pendingLock)
            {
                if (_pending?.MessageId == id)
                {
                    _pending.Answer.TrySetException(exception);
                }
            }
        }
    }

    private void Resolve(string messageId, OcppFrame answer, string kind)
    {
        lock (_pendingLock)
        {
            if (_pending?.MessageId == messageId)
            {
                _pending.Answer.TrySetResult(answer);
                return;
            }
        }

        OcppLog.UnknownMessageId(_logger, _options.Name, kind, messageId);
    }

    private async Task DispatchIncomingAsync()
    {
        try
        {
            await foreach (var call in _incoming.Reader.ReadAllAsync(_closing.Token))
            {
                await HandleCallAsync(call);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleCallAsync(OcppCall call)
    {
        var action = _options.Actions.Find(call.Action);
        if (action is null)
        {
            await AnswerErrorAsync(call.MessageId, call.Action, OcppErrorCode.NotImplemented, $"action '{call.Action}' is not an action of {_options.Actions.Subprotocol}", null);
            return;
        }

        object request;
        try
        {
            request = OcppCodec.ReadPayload(call.Payload, action.RequestInfo, action.RequestContext);
        }
        catch (OcppProtocolException exception)
        {
            await AnswerErrorAsync(call.MessageId, call.Action, exception.ErrorCode, exception.Message, null);
            return;
        }

        var handler = _router.Find(action.RequestType);
        if (handler is null)
        {
            await AnswerErrorAsync(call.MessageId, call.Action, OcppErrorCode.NotSupported, $"{action.Name} is not supported here", null);
            return;
        }

        var context = new OcppCallContext(call.MessageId, action, _closing.Token);
        var answer = await InvokeAsync(handler, request, context);
        try
        {
            await SendAsync(answer, CancellationToken.None);
            context.MarkReplySent();
        }
        catch (OcppConnectionClosedException exception)
        {
            context.MarkReplyFailed(exception);
        }
    }

    private async Task<OcppFrame> InvokeAsync(Func<object, OcppCallContext, ValueTask<object>> handler, object request, OcppCallContext context)
    {
        var action = context.Action;
        object response;
        try
        {
            response = await handler(request, context);
        }
        catch (OcppCallErrorException exception)
        {
            OcppLog.RefusedCall(_logger, _options.Name, context.MessageId, action.Name, exception.ErrorCode, exception.Description);
            return new OcppCallError(context.MessageId, exception.ErrorCode, exception.Description, exception.Details);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            OcppLog.HandlerFailed(_logger, _options.Name, action.Name, exception);
            return OcppCallError.Create(context.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be handled");
        }

        try
        {
            return new OcppCallResult(context.MessageId, OcppCodec.WritePayload(response, action.ResponseInfo, action.ResponseContext));
        }
        catch (OcppProtocolException exception)
        {
            OcppLog.InvalidOwnResponse(_logger, _options.Name, action.Name, exception.Message);
            return OcppCallError.Create(context.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be answered");
        }
    }

    private async Task AnswerErrorAsync(string messageId, string action, OcppErrorCode code, string description, JsonElement? details)
    {
        OcppLog.RefusedCall(_logger, _options.Name, messageId, action, code, description);
        try
        {
            await SendAsync(new OcppCallError(messageId, code, description, details ?? OcppJson.EmptyObject), CancellationToken.None);
        }
        catch (OcppConnectionClosedException)
        {
        }
    }

    private async Task SendAsync(OcppFrame frame, CancellationToken cancellationToken)
    {
        var bytes = OcppCodec.Serialize(frame);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            throw new OcppConnectionClosedException($"could not send {frame.MessageType} {frame.MessageId}: the connection is closed", exception);
        }
        finally
        {
            _sendLock.Release();
        }

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
        if (logged)
        {
            if (outbound)
            {
                OcppLog.FrameSent(_logger, _options.Name, text);
            }
            else
            {
                OcppLog.FrameReceived(_logger, _options.Name, text);
            }
        }

        _options.OnFrame?.Invoke(new OcppFrameTrace(_time.GetUtcNow(), outbound, text));
    }

    private void FailPending(Exception exception)
    {
        lock (_pendingLock)
        {
            _pending?.Answer.TrySetException(exception);
        }
    }

    private void EnsureRunning()
    {
        switch (Volatile.Read(ref _state))
        {
            case New:
                throw new InvalidOperationException("Start RunAsync before calling the peer: nothing reads the answers yet.");
            case Ended:
                throw new OcppConnectionClosedException($"the connection is closed ({Describe(_socket.CloseStatus, _socket.CloseStatusDescription)})");
        }
    }

    private static string Describe(WebSocketCloseStatus? status, string? description) =>
        status is null ? "no close status" : $"{status} {description}".TrimEnd();

    private static DateTimeOffset? Ticks(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
}
