using BenchmarkDotNet.Running;

namespace OpenCpm.Benchmarks.Modbus;

/// <summary>
/// Entry point used only while the benchmark project has no other one (the csproj drops this file as soon as
/// Keba/BenchmarkEntryPoint.cs exists, whose BenchmarkSwitcher finds these benchmarks too).
/// </summary>
public static class ModbusBenchmarkEntryPoint
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(ModbusBenchmarkEntryPoint).Assembly).Run(args);
}
