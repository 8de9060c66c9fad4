using BenchmarkDotNet.Running;

namespace OpenCpm.Benchmarks.Keba;

/// <summary>
/// Entry point of the benchmark project: <c>keba-fleet [stations] [rounds]</c> runs the KEBA fleet measurement,
/// anything else goes to BenchmarkDotNet (e.g. <c>--filter *KebaCodec*</c>).
/// </summary>
public static class BenchmarkEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "keba-fleet")
        {
            var stations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
            var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
            return await KebaFleetMeasurement.RunAsync(stations, rounds, Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
        return 0;
    }
}
