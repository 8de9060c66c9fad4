using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Benchmarks.LoadManagement;

/// <summary>
/// One steady-state allocation cycle of the controller loop: every configured charge point has a plugged vehicle
/// (most charging, a few idle or paused by the vehicle), measured currents follow the setpoints, the meter reading
/// includes a household load. The input is the one reached after a warm-up; each call advances the clock 1 s.
/// Targets: at most 50 µs at 200 charge points, at most 5 ms at 10,000, nothing allocated per cycle.
/// Measured 2026-11-24 (Release, default job, Xeon 2.3 GHz, 2 shared cores): 20 → 4.8 µs, 200 → 44.6 µs,
/// 1,000 → 303 µs, 10,000 → 3.15 ms; nothing allocated.
/// Allocator second pass (issue 10), 2026-11-27, short job: before 20 → 3.1 µs, 200 → 29.1 µs, 1,000 → 249 µs,
/// 10,000 → 2.49 ms; after, with the box at load 10–14 (figures swing ±50 % between runs), 20 → 5.5 µs,
/// 200 → 57 µs, 1,000 → 435 µs, 10,000 → 2.24 ms against the untouched code run right after at 3.0 µs, 69 µs,
/// 301 µs, 3.52 ms. Median cycle of the same site with old and new runs interleaved (stopwatch): 200 → 29 / 29 µs,
/// 1,000 → 157 / 190 µs, 10,000 → 2.1–2.2 / 2.1–2.3 ms (new / old). Nothing allocated, before or after.
/// </summary>
[MemoryDiagnoser]
public class AllocatorBenchmarks
{
    private Allocator _allocator = null!;
    private FakeTimeProvider _time = null!;
    private ChargePointDemand[] _demands = [];
    private SiteConditions _site;

    [Params(20, 200, 1_000, 10_000)]
    public int ChargePoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var site = AllocatorBenchmarkSite.Build(ChargePoints);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        _allocator = new Allocator(site, _time);
        _demands = AllocatorBenchmarkSite.InitialDemands(site);
        _site = AllocatorBenchmarkSite.Conditions(site, _demands);

        // Warm up: feed setpoints back as commanded and measured currents until the loop has settled.
        for (var cycle = 0; cycle < 60; cycle++)
        {
            var allocation = _allocator.Allocate(_demands, _site);
            AllocatorBenchmarkSite.Follow(site, allocation, _demands);
            _site = AllocatorBenchmarkSite.Conditions(site, _demands);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Benchmark]
    public int AllocateCycle()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return _allocator.Allocate(_demands, _site).Plan.Increases.Count;
    }
}
