using Microsoft.Extensions.Time.Testing;
using OpenCpm.Control;
using OpenCpm.Simulation;
using OpenCpm.Tests.Demo;

namespace OpenCpm.Tests.SmartCharging;

/// <summary>
/// Moves a demo's fake clock in small steps and, after each, lets the demo settle (no cycle ran and no station got a
/// datagram for a few polls), so what happens at an instant of the fake clock is seen at that instant.
/// </summary>
internal sealed class DemoClock(DemoApplication demo, FakeTimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public SiteSnapshot Snapshot => demo.Service<SiteSnapshots>().Current;

    /// <summary>The current a station was last told to offer (its currtime while that runs, else its curr), in amperes.</summary>
    public static double TargetA(SimulatedSiteStation station) => station.Station.Inspect(m =>
        (m.Report2().TimerRemainingS > 0 ? m.Report2().TimerCurrentMilliA : m.Report2().UserCurrentMilliA) / 1000.0);

    /// <summary>Steps by <paramref name="step"/> until <paramref name="done"/> holds (returns the instant) or <paramref name="within"/> has passed (null).</summary>
    public async Task<DateTimeOffset?> RunUntilAsync(Func<bool> done, TimeSpan within, TimeSpan step)
    {
        var end = Now + within;
        while (Now < end)
        {
            time.Advance(step);
            await SettleAsync();
            if (done())
            {
                return Now;
            }
        }

        return null;
    }

    /// <summary>Steps by <paramref name="step"/> until the clock reads <paramref name="until"/>.</summary>
    public async Task RunToAsync(DateTimeOffset until, TimeSpan step)
    {
        while (Now < until)
        {
            time.Advance(until - Now < step ? until - Now : step);
            await SettleAsync();
        }
    }

    /// <summary>
    /// Advances the clock by <paramref name="step"/> once and, the clock then standing still, waits (real time, at most
    /// <paramref name="within"/>) until <paramref name="done"/> holds; false if it never did.
    /// </summary>
    public async Task<bool> StepAndWaitAsync(TimeSpan step, Func<bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        time.Advance(step);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(1, CancellationToken.None);
        }

        await SettleAsync();
        return true;
    }

    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var quiet = 0;
        var last = Progress();
        while (quiet < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1, CancellationToken.None);
            var now = Progress();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    private (long Cycles, long Datagrams) Progress() =>
        (Snapshot.Controller.Cycles, demo.Site.Stations.Sum(s => s.Station.DatagramsReceived));
}
