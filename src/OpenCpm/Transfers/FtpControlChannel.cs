using System.Globalization;
using System.Net.Security;
using System.Text;

namespace OpenCpm.Transfers;

/// <summary>
/// The control connection of an FTP session: commands out (UTF-8, RFC 2640), replies in (RFC 959 §4.2, multi-line
/// <c>123-</c> … <c>123 </c>). Never trusts the peer: a line is at most <see cref="MaxLineBytes"/>, a reply at most
/// <see cref="MaxReplyLines"/> lines, anything that is not a reply fails with a sentence, and every read waits at
/// most the idle timeout. Bare LF line ends are taken too.
/// </summary>
internal sealed class FtpControlChannel(Stream stream, TimeSpan idleTimeout) : IAsyncDisposable
{
    public const int MaxLineBytes = 2048;
    public const int MaxReplyLines = 200;

    private readonly byte[] _buffer = new byte[MaxLineBytes + 2];
    private Stream _stream = stream;
    private int _start;
    private int _end;

    public TimeSpan IdleTimeout { get; } = idleTimeout;

    /// <summary>Sends <paramref name="command"/> and reads its reply (the first one, which may be preliminary).</summary>
    public async Task<FtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    public async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new FtpException(TransferFailure.BadLocation, "a name in the location has a line break or NUL in it, which FTP can't carry");
        }

        var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
        await FtpTimeout.RunAsync(IdleTimeout, "sending a command", async ct =>
        {
            await _stream.WriteAsync(bytes, ct);
            await _stream.FlushAsync(ct);
        }, cancellationToken);
    }

    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken);
        if (!TryParseCode(first, out var code) || (first.Length > 3 && first[3] is not (' ' or '-')))
        {
            throw new FtpException(TransferFailure.Failed, $"the FTP server answered something that is not an FTP reply: '{Security.LogText.Escape(first, 60)}'");
        }

        var text = first.Length > 4 ? first[4..].Trim() : "";
        if (first.Length > 3 && first[3] == '-')
        {
            for (var lines = 1; ; lines++)
            {
                if (lines >= MaxReplyLines)
                {
                    throw new FtpException(TransferFailure.Failed, $"the FTP server's reply {code} went on for more than {MaxReplyLines} lines");
                }

                var line = await ReadLineAsync(cancellationToken);
                if (TryParseCode(line, out var last) && last == code && (line.Length == 3 || line[3] == ' '))
                {
                    break;
                }
            }
        }

        return new FtpReply(code, text);
    }

    /// <summary>Continues the connection over TLS (after AUTH TLS was accepted; nothing may be buffered then).</summary>
    public async Task UpgradeToTlsAsync(SslClientAuthenticationOptions options, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            throw new FtpException(TransferFailure.Failed, "the FTP server sent more after accepting AUTH TLS, before the TLS handshake");
        }

        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await FtpTimeout.RunAsync(IdleTimeout, "the TLS handshake of the control connection", ct => new ValueTask(tls.AuthenticateAsClientAsync(options, ct)), cancellationToken);
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_end - _start >= _buffer.Length)
            {
                throw new FtpException(TransferFailure.Failed, $"the FTP server sent a reply line longer than {MaxLineBytes} bytes");
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await FtpTimeout.RunAsync(IdleTimeout, "waiting for the FTP server's reply", ct => _stream.ReadAsync(_buffer.AsMemory(_end), ct), cancellationToken);
            if (read == 0)
            {
                throw new FtpException(TransferFailure.Failed, "the FTP server closed the connection without a reply");
            }

            _end += read;
        }
    }

    private static bool TryParseCode(string line, out int code)
    {
        code = 0;
        return line.Length >= 3 && line[0] is >= '1' and <= '5' && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2])
            && int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }
}
