using System.Buffers;
using System.Net.WebSockets;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Reads whole WebSocket messages into one pooled buffer that grows up to the frame limit; the rest of a longer message
/// is drained through a small scratch buffer, so an oversized frame costs no more memory than the limit.
/// </summary>
internal sealed class OcppMessageReader(WebSocket socket, int maxFrameBytes) : IDisposable
{
    private const int DrainBytes = 4096;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(16 * 1024, maxFrameBytes));
    private byte[] _drain = ArrayPool<byte>.Shared.Rent(DrainBytes);

    /// <summary>
    /// The next message: its first bytes (all of it unless <see cref="OcppReceivedMessage.Oversized"/>) and its length;
    /// null when the peer sent a Close frame. The bytes are valid until the next call.
    /// </summary>
    public async Task<OcppReceivedMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        long total = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == _buffer.Length && _buffer.Length < maxFrameBytes)
            {
                Grow(count);
            }

            var room = Math.Min(_buffer.Length, maxFrameBytes) - count;
            var target = room > 0 ? _buffer.AsMemory(count, room) : _drain.AsMemory();
            result = await socket.ReceiveAsync(target, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            total += result.Count;
            if (room > 0)
            {
                count += result.Count;
            }
        }
        while (!result.EndOfMessage);

        return new OcppReceivedMessage(_buffer.AsMemory(0, count), total, total > maxFrameBytes);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_drain);
        _buffer = [];
        _drain = [];
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, maxFrameBytes));
        _buffer.AsSpan(0, count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
