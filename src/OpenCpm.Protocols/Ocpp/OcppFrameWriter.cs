using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Puts frames and the close frame on the socket one at a time (a WebSocket allows one send in progress).</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release; leaving it undisposed lets a late handler's send fail as 'closed' instead of 'disposed'.")]
internal sealed class OcppFrameWriter(WebSocket socket)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Sends one frame as one text message; throws <see cref="OcppConnectionClosedException"/> when the socket is gone.</summary>
    public async Task SendAsync(OcppFrame frame, CancellationToken cancellationToken)
    {
        var bytes = OcppCodec.Serialize(frame);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            throw new OcppConnectionClosedException($"could not send {frame.MessageType} {frame.MessageId}: the connection is closed", exception);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends our close frame if the socket still takes one; aborts it when even that fails.</summary>
    public async Task CloseOutputAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            await socket.CloseOutputAsync(status, description, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            socket.Abort();
        }
        finally
        {
            _lock.Release();
        }
    }
}
