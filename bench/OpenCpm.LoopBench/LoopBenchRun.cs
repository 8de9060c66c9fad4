using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.LoopBench;

/// <summary>
/// One run: the simulated site here, the controller in a child process, configured through its API; vehicles at every
/// station; then a constant household window, a quiet window and the household step cycles, each measured.
/// </summary>
public sealed class LoopBenchRun(LoopBenchOptions options, TextWriter progress)
{
    /// <summary>Loopback only, but the controller refuses weak passwords.</summary>
    private const string AdminPassword = "loop-Bench-Probe-8306";

    /// <summary>A three-phase car that takes 32 A and follows a new pilot current after 2 s, with room for hours of charging.</summary>
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(2), BatteryWh = 200_000, InitialSoc = 0.1 };

    private static readonly TimeSpan QuietBeforeWindows = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan SettleAtMost = TimeSpan.FromSeconds(240);

    public async Task<LoopBenchResult> RunAsync(string? commit, CancellationToken cancellationToken)
    {
        var limitA = DemoSite.SiteLimitA(options.Stations);
        var householdA = options.HouseholdA ?? Math.Round(limitA * options.HouseholdShare, 1);
        var block = options.LoopbackBlock;
        var addresses = Enumerable.Range(0, options.Stations).Select(k => new IPAddress([127, block, (byte)(k / 200), (byte)(11 + (k % 200))]));
        var siteOptions = SimulatedSiteOptions.WithStations(addresses) with { HouseholdLoad = PhaseCurrents.All(householdA) };
        await using var site = StartSite(siteOptions);
        await using var controller = ControllerProcess.Start(options.ControllerDll, AdminPassword, new IPAddress([127, block, 255, 1]).ToString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await controller.WaitHealthyAsync(http, TimeSpan.FromSeconds(120), cancellationToken);
        var api = new ControllerApi(http, controller.BaseAddress);
        await api.LoginAsync(AdminPassword, cancellationToken);
        await api.ConfigureAsync(site, limitA, cancellationToken);
        await progress.WriteLineAsync($"controller pid {controller.ProcessId} at {controller.BaseAddress}; {options.Stations} stations, site limit {limitA} A, household {householdA} A per phase");
        foreach (var station in site.Stations)
        {
            station.PlugIn(Car);
        }

        await using var recorder = new Recorder(site, api);
        recorder.Start();
        var settledAt = await SettleAsync(recorder, controller, cancellationToken);
        var settledL1 = recorder.StatusAt(recorder.NowS)?.SetpointL1A ?? 0;
        await progress.WriteLineAsync($"settled after {settledAt:0} s: L1 setpoints {settledL1} A");

        var constant = await WindowAsync("constant", options.ConstantWindow, TimeSpan.FromSeconds(1), recorder, controller, limitA, cancellationToken);
        await progress.WriteLineAsync($"constant window: {constant.SetpointCommands} commands, {constant.SetpointChanges} changes, {constant.AboveLimitAs} A·s above the limit, controller {constant.Controller.CpuPercent} % CPU");
        var quiet = options.QuietWindow > TimeSpan.Zero
            ? await WindowAsync("quiet", options.QuietWindow, null, recorder, controller, limitA, cancellationToken)
            : null;

        var steps = new List<StepResult>();
        StepSummary? summary = null;
        if (options.Steps > 0)
        {
            recorder.StatusInterval = Recorder.GridInterval;
            await HoldAsync(TimeSpan.FromSeconds(5), controller, [], cancellationToken);
            var controllerUsage = UsageWindow.Begin(controller.ProcessId);
            var benchUsage = UsageWindow.Begin(Environment.ProcessId);
            for (var k = 1; k <= options.Steps; k++)
            {
                var upS = recorder.NowS;
                var before = recorder.StatusAt(upS)?.SetpointL1A ?? 0;
                site.SetHouseholdLoad(PhaseCurrents.All(householdA + options.StepA));
                await HoldAsync(options.StepHold, controller, [controllerUsage, benchUsage], cancellationToken);
                var downS = recorder.NowS;
                site.SetHouseholdLoad(PhaseCurrents.All(householdA));
                await HoldAsync(options.StepHold, controller, [controllerUsage, benchUsage], cancellationToken);
                var endS = recorder.NowS;
                var step = LoopFigures.Step(k, upS, downS, endS, options.StepA, before, recorder.GridBetween(upS, endS), recorder.StatusBetween(upS, endS), limitA);
                steps.Add(step);
                await progress.WriteLineAsync($"step {k}: acknowledged after {step.AcknowledgedS?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} s, moved {step.MovedA} A, {step.AboveLimitUpAs} A·s above, back after {step.RecoveredS?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} s");
            }

            summary = LoopFigures.Summary(steps, options.StepA, controllerUsage.End(), benchUsage.End());
        }

        return new LoopBenchResult(
            DateTimeOffset.UtcNow,
            $"{RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}",
            commit,
            options.Stations,
            limitA,
            householdA,
            options.StepA,
            Math.Round(settledAt, 1),
            settledL1,
            constant,
            quiet,
            steps,
            summary,
            recorder.StatusErrors);
    }

    private SimulatedSite StartSite(SimulatedSiteOptions siteOptions)
    {
        try
        {
            return SimulatedSite.Start(siteOptions, TimeProvider.System);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"The simulated stations could not listen on 127.{options.LoopbackBlock}.x.x port 7090 ({e.Message}): another simulated site may be running there; pick another block with --loopback-block.", e);
        }
    }

    /// <summary>Waits the least settle time, then until the commanded currents have stood still for a while.</summary>
    private async Task<double> SettleAsync(Recorder recorder, ControllerProcess controller, CancellationToken cancellationToken)
    {
        var startS = recorder.NowS;
        await HoldAsync(options.Settle, controller, [], cancellationToken);
        while (recorder.NowS - startS < options.Settle.TotalSeconds + SettleAtMost.TotalSeconds)
        {
            var recent = recorder.GridBetween(recorder.NowS - QuietBeforeWindows.TotalSeconds, recorder.NowS);
            if (recent.Count > 1 && recent[^1].SetpointChanges == recent[0].SetpointChanges)
            {
                break;
            }

            await HoldAsync(TimeSpan.FromSeconds(1), controller, [], cancellationToken);
        }

        return recorder.NowS - startS;
    }

    private static async Task<WindowResult> WindowAsync(
        string name, TimeSpan length, TimeSpan? statusInterval, Recorder recorder, ControllerProcess controller, double limitA, CancellationToken cancellationToken)
    {
        recorder.StatusInterval = statusInterval;
        var controllerUsage = UsageWindow.Begin(controller.ProcessId);
        var benchUsage = UsageWindow.Begin(Environment.ProcessId);
        var fromS = recorder.NowS;
        await HoldAsync(length, controller, [controllerUsage, benchUsage], cancellationToken);
        var toS = recorder.NowS;
        return LoopFigures.Window(
            name, fromS, toS, statusInterval?.TotalSeconds, recorder.GridBetween(fromS, toS), recorder.StatusBetween(fromS, toS), limitA, controllerUsage.End(), benchUsage.End());
    }

    /// <summary>Waits, reading the processes' memory once a second and making sure the controller is still running.</summary>
    private static async Task HoldAsync(TimeSpan length, ControllerProcess controller, UsageWindow[] usage, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + length;
        while (DateTime.UtcNow < until)
        {
            controller.EnsureRunning();
            foreach (var window in usage)
            {
                window.Observe();
            }

            var rest = until - DateTime.UtcNow;
            await Task.Delay(rest < TimeSpan.FromSeconds(1) ? rest > TimeSpan.Zero ? rest : TimeSpan.Zero : TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
