using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Benchmarks.Keba;

/// <summary>
/// One controller endpoint (127.201.1.1:7090) serving N simulated P30 stations (127.201.0.1 …) over real UDP on
/// loopback, with the guide's timing rules (100 ms between datagrams, 5 s between identical polls, 2 s reply timeout).
/// Measures (1) a poll round: report 2 + report 3 from every station, (2) a setpoint round: <c>currtime</c> to every
/// station until every <c>TCH-OK</c>. Each station's two polls are 100 ms apart by rule, so a poll round cannot be
/// shorter than 100 ms plus the round trip. The setpoint round starts 150 ms after the poll round, so it measures
/// the latency of 200 commands in flight at once.
/// </summary>
public static class KebaFleetMeasurement
{
    public static async Task<int> RunAsync(int stationCount, int rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var first = IPAddress.Parse("127.201.0.1");
        await using var fleet = SimulatedKebaFleet.Start(first, stationCount, TimeProvider.System);
        foreach (var station in fleet.Stations)
        {
            station.PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 16 });
        }

        await using var endpoint = new KebaUdpEndpoint(
            new KebaUdpEndpointOptions { Address = IPAddress.Parse("127.201.1.1") },
            TimeProvider.System,
            NullLogger<KebaUdpEndpoint>.Instance);
        endpoint.Start();
        var links = fleet.Stations.Select(s => endpoint.Connect(s.Address)).ToArray();
        var drain = Task.Run(async () =>
        {
            // Push messages go to the links' unsolicited channels; read them like a driver would.
            while (true)
            {
                foreach (var link in links)
                {
                    while (link.Unsolicited.TryRead(out _))
                    {
                    }
                }

                await Task.Delay(50);
            }
        });

        await Task.WhenAll(links.Select(l => l.SendAsync(KebaCommand.Report(1), CancellationToken.None)));
        var report2Only = new List<Round>();
        var poll = new List<Round>();
        var setpoint = new List<Round>();
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        for (var round = 0; round < rounds; round++)
        {
            var firstHalf = new TaskCompletionSource();
            var pending = links.Length;
            poll.Add(await RoundAsync(links, async link =>
            {
                var r2 = await link.SendAsync(KebaCommand.Report(2), CancellationToken.None);
                if (Interlocked.Decrement(ref pending) == 0)
                {
                    firstHalf.SetResult();
                }

                var r3 = await link.SendAsync(KebaCommand.Report(3), CancellationToken.None);
                return (r2.Reply is KebaReport2 && r3.Reply is KebaReport3, r2.Attempts + r3.Attempts - 2);
            }, firstHalf.Task, report2Only));
            // Let the 100 ms gap after report 3 pass, so the setpoint round measures latency, not the spacing rule.
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            var milliA = round % 2 == 0 ? 10_000 : 16_000;
            setpoint.Add(await RoundAsync(links, async link =>
            {
                var ack = await link.SendAsync(KebaCommand.CurrTime(milliA), CancellationToken.None);
                return (ack.Acknowledged, ack.Attempts - 1);
            }));

            // The next identical poll may go out 5 s after this one (t_COM_pause); start the next round only then,
            // so that the rule never delays a measured send.
            if (round < rounds - 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5.05));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"KEBA fleet: {stationCount} simulated stations, one endpoint, {rounds} rounds, {Environment.ProcessorCount} cores"));
        Print(output, "report 2 from all", report2Only);
        Print(output, "poll all (report 2 + report 3)", poll);
        Print(output, "setpoint to all TCH-OK (currtime)", setpoint);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var offered = fleet.Stations.Count(s => s.Inspect(m => m.Report2()).UserCurrentMilliA == (rounds % 2 == 1 ? 10_000 : 16_000));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stations holding the last setpoint (Curr user): {offered}/{stationCount}"));
        return poll.Concat(setpoint).All(r => r.Failures == 0) ? 0 : 1;
    }

    private static async Task<Round> RoundAsync(
        KebaStationLink[] links,
        Func<KebaStationLink, Task<(bool Ok, int Retries)>> exchange,
        Task? milestone = null,
        List<Round>? milestones = null)
    {
        var started = Stopwatch.GetTimestamp();
        var all = Task.WhenAll(links.Select(exchange));
        if (milestone is not null && milestones is not null)
        {
            await milestone;
            milestones.Add(new Round(Stopwatch.GetElapsedTime(started), 0, 0));
        }

        var results = await all;
        return new Round(Stopwatch.GetElapsedTime(started), results.Count(r => !r.Ok), results.Sum(r => r.Retries));
    }

    private static void Print(TextWriter output, string what, List<Round> rounds)
    {
        var ms = rounds.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: min {ms[0]:0.0} ms, median {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms; failures {rounds.Sum(r => r.Failures)}, retries {rounds.Sum(r => r.Retries)}"));
    }

    private sealed record Round(TimeSpan Elapsed, int Failures, int Retries);
}
