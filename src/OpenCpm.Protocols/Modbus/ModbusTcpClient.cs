using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// A Modbus TCP client for reading registers (functions 3 and 4). One request is in flight per connection;
/// the connection is opened on first use and re-opened after any failure that leaves the stream in an unknown
/// state (timeout, malformed answer, closed socket). Exception responses keep the connection.
/// </summary>
public sealed class ModbusTcpClient(ModbusTcpClientOptions options, TimeProvider? timeProvider = null, ILogger<ModbusTcpClient>? logger = null)
    : IModbusRegisterReader, IAsyncDisposable
{
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Socket? _socket;
    private NetworkStream? _stream;
    private ushort _lastTransactionId;
    private bool _disposed;

    public ModbusTcpClientOptions Options { get; } = options;

    public bool IsConnected => _socket is { Connected: true };

    public async ValueTask<ushort[]> ReadRegistersAsync(ModbusFunction functionCode, ushort address, ushort count, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var timeout = new CancellationTokenSource(Options.Timeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var reused = _stream is not null;
                try
                {
                    return await ExchangeAsync(functionCode, address, count, linked.Token);
                }
                catch (Exception e) when (reused && e is IOException or SocketException && !linked.IsCancellationRequested)
                {
                    // Meters close idle connections; a connection that worked before gets one retry on a fresh one.
                    Drop("closed while idle");
                    return await ExchangeAsync(functionCode, address, count, linked.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _stream is null)
            {
                Drop("connect timeout");
                throw new ModbusException(
                    $"Could not connect to the meter at {Options.Endpoint} within {Options.Timeout.TotalMilliseconds:0} ms.", ModbusFailure.Connection);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Drop("timeout");
                throw new ModbusException(
                    $"The meter at {Options.Endpoint} did not answer {Describe(functionCode, address)} within {Options.Timeout.TotalMilliseconds:0} ms.",
                    ModbusFailure.Timeout);
            }
            catch (OperationCanceledException)
            {
                Drop("cancelled");
                throw;
            }
            catch (SocketException e) when (_stream is null)
            {
                Drop(e.SocketErrorCode.ToString());
                throw new ModbusException(
                    $"Could not connect to the meter at {Options.Endpoint} ({e.SocketErrorCode}).", ModbusFailure.Connection, null, e);
            }
            catch (Exception e) when (e is IOException or SocketException or EndOfStreamException)
            {
                Drop(e.Message);
                throw new ModbusException(
                    $"The meter at {Options.Endpoint} closed the connection during {Describe(functionCode, address)}.", ModbusFailure.Connection, null, e);
            }
            catch (ModbusException e) when (e.Failure == ModbusFailure.Malformed)
            {
                ModbusLog.MalformedFrame(_logger, Options.Endpoint, e.Message);
                Drop("malformed answer");
                throw new ModbusException(
                    $"The meter at {Options.Endpoint} sent a malformed answer to {Describe(functionCode, address)}: {e.Message}", ModbusFailure.Malformed, null, e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            Drop("disposed");
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private async Task<ushort[]> ExchangeAsync(ModbusFunction function, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var stream = _stream ?? await ConnectAsync(cancellationToken);
        var transactionId = unchecked(++_lastTransactionId);
        var request = ModbusFrame.EncodeReadRequest(transactionId, Options.UnitId, function, address, count);
        await stream.WriteAsync(request, cancellationToken);

        var header = new byte[ModbusFrame.HeaderLength];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var pduLength = ModbusFrame.DecodeHeader(header, out var answeredTransactionId, out var unitId);
        var pdu = new byte[pduLength];
        await stream.ReadExactlyAsync(pdu, cancellationToken);

        if (answeredTransactionId != transactionId)
        {
            throw new ModbusException(
                $"Modbus response 'transaction id' must be {transactionId} but was {answeredTransactionId}.", ModbusFailure.Malformed);
        }

        var response = ModbusFrame.DecodeResponsePdu(answeredTransactionId, unitId, pdu);
        if (response.Function != (byte)function)
        {
            throw new ModbusException(
                $"Modbus response 'function' must be {(byte)function} but was {response.Function}.", ModbusFailure.Malformed);
        }

        if (response.ExceptionCode is { } code)
        {
            ModbusLog.ExceptionResponse(_logger, Options.Endpoint, code, address);
            throw new ModbusException(
                $"The meter at {Options.Endpoint} answered {Describe(function, address)} with exception {code} ({ModbusExceptionCodes.Describe(code)}).",
                ModbusFailure.ExceptionResponse,
                code);
        }

        if (response.Registers.Length != count)
        {
            throw new ModbusException(
                $"Modbus response 'byte count' must be {2 * count} but was {2 * response.Registers.Length}.", ModbusFailure.Malformed);
        }

        return response.Registers;
    }

    private async Task<NetworkStream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Options.Host, Options.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        ModbusLog.Connected(_logger, Options.Endpoint);
        return _stream;
    }

    private void Drop(string reason)
    {
        if (_socket is null)
        {
            return;
        }

        ModbusLog.ConnectionDropped(_logger, Options.Endpoint, reason);
        _stream?.Dispose();
        _socket.Dispose();
        _stream = null;
        _socket = null;
    }

    private static string Describe(ModbusFunction function, ushort address) =>
        $"{ModbusExceptionCodes.DescribeFunction((byte)function)} at address {address}";
}
