using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Simulation.Meters;

/// <summary>
/// A grid meter speaking Modbus TCP on a local address, serving the registers of any <see cref="MeterProfile"/>
/// (register maps and SunSpec layouts) computed from a simulated site: household load plus charging load per
/// phase, settable at run time. Energy counters integrate the power over time from the injected clock.
/// Faults can be injected: stop answering, exception responses, dropped connections, garbage bytes.
/// </summary>
public sealed class SimulatedGridMeter : IAsyncDisposable
{
    private static readonly byte[] GarbageBytes = [0xDE, 0xAD, 0xBE, 0xEF, 0x13, 0x37, 0x00, 0xFF, 0x42, 0x42, 0x42];

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private Task? _acceptLoop;
    private PhaseCurrents _household;
    private PhaseCurrents _charging;
    private double _energyImportWh;
    private double _energyExportWh;
    private DateTimeOffset _lastIntegration;
    private int _requestCount;
    private int _connectionCount;

    public SimulatedGridMeter(MeterProfile profile, SimulatedGridMeterOptions? options = null, TimeProvider? timeProvider = null, ILogger<SimulatedGridMeter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Options = options ?? new SimulatedGridMeterOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _energyImportWh = Options.InitialEnergyImportWh;
        _energyExportWh = Options.InitialEnergyExportWh;
        _lastIntegration = _timeProvider.GetUtcNow();
        _listener = new TcpListener(Options.Address, Options.Port);
    }

    public MeterProfile Profile { get; }

    public SimulatedGridMeterOptions Options { get; }

    /// <summary>The bound port (after <see cref="Start()"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IPAddress Address => Options.Address;

    /// <summary>The fault currently shown; settable at run time.</summary>
    public SimulatedMeterFault Fault { get; set; }

    /// <summary>Exception code sent while <see cref="Fault"/> is <see cref="SimulatedMeterFault.ExceptionResponse"/>.</summary>
    public byte FaultExceptionCode { get; set; } = ModbusExceptionCodes.ServerDeviceFailure;

    /// <summary>Read requests received so far.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Starts a meter for the profile and begins listening.</summary>
    public static SimulatedGridMeter Launch(MeterProfile profile, SimulatedGridMeterOptions? options = null, TimeProvider? timeProvider = null, ILogger<SimulatedGridMeter>? logger = null)
    {
        var meter = new SimulatedGridMeter(profile, options, timeProvider, logger);
        meter.Start();
        return meter;
    }

    public void Start()
    {
        _listener.Start();
        SimulatedMeterLog.Listening(_logger, Profile.Id, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>Non-charging load seen by the meter, amperes per phase (negative = export, e.g. PV).</summary>
    public void SetHouseholdLoad(PhaseCurrents currentA)
    {
        lock (_lock)
        {
            Integrate();
            _household = currentA;
        }
    }

    /// <summary>Load of the charging stations behind the meter, amperes per phase.</summary>
    public void SetChargingLoad(PhaseCurrents currentA)
    {
        lock (_lock)
        {
            Integrate();
            _charging = currentA;
        }
    }

    public PhaseCurrents HouseholdLoad
    {
        get
        {
            lock (_lock)
            {
                return _household;
            }
        }
    }

    public PhaseCurrents ChargingLoad
    {
        get
        {
            lock (_lock)
            {
                return _charging;
            }
        }
    }

    /// <summary>The values the meter measures now (power positive = import).</summary>
    public MeterValues CurrentValues()
    {
        lock (_lock)
        {
            Integrate();
            return Values();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_lock)
        {
            connections = [.. _connections];
        }

        try
        {
            await Task.WhenAll([.. connections, _acceptLoop ?? Task.CompletedTask]);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private MeterValues Values()
    {
        var current = _household + _charging;
        var v = Options.VoltageV;
        var (p1, p2, p3) = (current.L1 * v, current.L2 * v, current.L3 * v);
        return new MeterValues(
            current.L1, current.L2, current.L3, v, v, v, p1, p2, p3, p1 + p2 + p3, _energyImportWh, _energyExportWh);
    }

    private void Integrate()
    {
        var now = _timeProvider.GetUtcNow();
        var hours = (now - _lastIntegration).TotalHours;
        _lastIntegration = now;
        if (hours <= 0)
        {
            return;
        }

        var powerW = (_household + _charging).Sum * Options.VoltageV;
        if (powerW >= 0)
        {
            _energyImportWh += powerW * hours;
        }
        else
        {
            _energyExportWh -= powerW * hours;
        }
    }

    private MeterRegisterImage Image()
    {
        lock (_lock)
        {
            Integrate();
            return MeterRegisterImage.For(Profile, Values(), Options.SunSpec);
        }
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            socket.NoDelay = true;
            lock (_lock)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ServeAsync(socket, cancellationToken));
            }
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var header = new byte[ModbusFrame.HeaderLength];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, cancellationToken);
                var pduLength = ModbusFrame.DecodeHeader(header, out var transactionId, out var unitId);
                var frame = new byte[ModbusFrame.HeaderLength + pduLength];
                header.CopyTo(frame, 0);
                await stream.ReadExactlyAsync(frame.AsMemory(ModbusFrame.HeaderLength), cancellationToken);
                Interlocked.Increment(ref _requestCount);

                var reply = Answer(frame, transactionId, unitId);
                if (reply is null)
                {
                    if (Fault == SimulatedMeterFault.DropConnection)
                    {
                        SimulatedMeterLog.ConnectionEnded(_logger, "dropped by fault injection");
                        return;
                    }

                    continue;
                }

                await stream.WriteAsync(reply, cancellationToken);
            }
        }
        catch (ModbusException e)
        {
            SimulatedMeterLog.MalformedRequest(_logger, e.Message);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            SimulatedMeterLog.ConnectionEnded(_logger, "closed");
        }
    }

    /// <summary>The reply to one request frame; null for no reply (silent or dropping).</summary>
    private byte[]? Answer(byte[] frame, ushort transactionId, byte unitId)
    {
        var fault = Fault;
        switch (fault)
        {
            case SimulatedMeterFault.Silent:
            case SimulatedMeterFault.DropConnection:
                return null;
            case SimulatedMeterFault.Garbage:
                return GarbageBytes;
            default:
                break;
        }

        var function = frame[ModbusFrame.HeaderLength];
        if (fault == SimulatedMeterFault.ExceptionResponse)
        {
            return ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, FaultExceptionCode);
        }

        if (Options.UnitId is { } expected && expected != unitId)
        {
            return ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, ModbusExceptionCodes.GatewayTargetFailedToRespond);
        }

        if (function is not ((byte)ModbusFunction.ReadHoldingRegisters or (byte)ModbusFunction.ReadInputRegisters))
        {
            return ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, ModbusExceptionCodes.IllegalFunction);
        }

        ModbusReadRequest request;
        try
        {
            request = ModbusFrame.DecodeReadRequest(frame);
        }
        catch (ModbusException)
        {
            return ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, ModbusExceptionCodes.IllegalDataValue);
        }

        if (request.Count is 0 or > ModbusFrame.MaxReadCount)
        {
            return ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, ModbusExceptionCodes.IllegalDataValue);
        }

        var words = new ushort[request.Count];
        return Image().TryRead((ModbusFunction)function, request.Address, request.Count, words)
            ? ModbusFrame.EncodeReadResponse(transactionId, unitId, function, words)
            : ModbusFrame.EncodeExceptionResponse(transactionId, unitId, function, ModbusExceptionCodes.IllegalDataAddress);
    }
}
