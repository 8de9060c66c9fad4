using BenchmarkDotNet.Attributes;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;

namespace OpenCpm.Benchmarks.Modbus;

/// <summary>
/// One full read cycle of a grid meter profile over loopback TCP against the simulated meter (what the poller does
/// every second): EM24 = 5 requests (low-word-first int32), TQ EM300 = 8 requests (plus/minus power, uint64
/// energy), KEBA E10 = 1 request (SunSpec 213 after discovery). Target: median ≤ 5 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class ModbusReadBenchmarks
{
    private SimulatedGridMeter? _meter;
    private ModbusTcpClient? _client;
    private MeterProfileReader? _reader;

    [Params("cg-em24-e1", "tq-em300", "keba-e10")]
    public string ProfileId { get; set; } = "cg-em24-e1";

    [GlobalSetup]
    public void Setup()
    {
        var profile = MeterProfileCatalog.BuiltIn.Find(ProfileId)!;
        _meter = SimulatedGridMeter.Launch(profile);
        _meter.SetHouseholdLoad(new PhaseCurrents(5, 6, 7));
        _meter.SetChargingLoad(new PhaseCurrents(16, 16, 16));
        _client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", _meter.Port, 1));
        _reader = new MeterProfileReader(profile, _client);
        _reader.ReadAsync(CancellationToken.None).GetAwaiter().GetResult(); // connect and discover once
    }

    [Benchmark]
    public Task<MeterValues> ReadCycle() => _reader!.ReadAsync(CancellationToken.None);

    /// <summary>One request/response round trip: the profile's first block, or the SunSpec marker.</summary>
    [Benchmark]
    public ValueTask<ushort[]> SingleRequest() => _reader!.Plan is [var first, ..]
        ? _client!.ReadRegistersAsync(first.Function, first.Address, first.Count, CancellationToken.None)
        : _client!.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _meter?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
