using BenchmarkDotNet.Attributes;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Benchmarks.Keba;

/// <summary>Parsing and formatting one report 2 in the real layout (what the endpoint does per datagram).</summary>
[MemoryDiagnoser]
public class KebaCodecBenchmarks
{
    private readonly KebaReport2 _report = new()
    {
        State = 3, Plug = 7, EnableSys = 1, EnableUser = 1, MaxCurrentMilliA = 16000, MaxCurrentPerMille = 266, HardwareCurrentMilliA = 32000,
        UserCurrentMilliA = 16000, FailsafeTimeoutS = 60, PhaseSwitchSource = 0, PhaseSwitch = 1, Serial = "22054282", UptimeS = 86400,
    };

    private byte[] _wire = [];

    [GlobalSetup]
    public void Setup() => _wire = System.Text.Encoding.ASCII.GetBytes(KebaCodec.Format(_report));

    [Benchmark]
    public KebaMessage ParseReport2() => KebaCodec.Parse(_wire);

    [Benchmark]
    public string FormatReport2() => KebaCodec.Format(_report);
}
