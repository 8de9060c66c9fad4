using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using OpenCpm.LoopBench;

var stations = new Option<int>("--stations") { Description = "Simulated KEBA P30 stations (a 32 A three-phase car at each).", DefaultValueFactory = _ => 200 };
var constantSeconds = new Option<double>("--constant-seconds") { Description = "Window with a constant household.", DefaultValueFactory = _ => 300 };
var quietSeconds = new Option<double>("--quiet-seconds") { Description = "Window after it in which the controller's API is not asked anything (0: none).", DefaultValueFactory = _ => 30 };
var steps = new Option<int>("--steps") { Description = "Household step cycles (+step, hold, −step, hold).", DefaultValueFactory = _ => 5 };
var stepA = new Option<double>("--step-a") { Description = "Household step on every phase, amperes.", DefaultValueFactory = _ => 60 };
var holdSeconds = new Option<double>("--hold-seconds") { Description = "How long each half of a step cycle lasts.", DefaultValueFactory = _ => 40 };
var share = new Option<double>("--household-share") { Description = "Household on each phase as a share of the site limit.", DefaultValueFactory = _ => 0.4 };
var householdA = new Option<double?>("--household-a") { Description = "Household on each phase in amperes (instead of --household-share)." };
var settleSeconds = new Option<double>("--settle-seconds") { Description = "Least time from plugging the cars in to the first window.", DefaultValueFactory = _ => 60 };
var controller = new Option<string>("--controller") { Description = "The controller's build output.", DefaultValueFactory = _ => ".build/opencpm/opencpm.dll" };
var block = new Option<byte>("--loopback-block") { Description = "Stations on 127.B.x.x, the controller's KEBA socket on 127.B.255.1 (B = 0 is where `opencpm demo` runs).", DefaultValueFactory = _ => 19 };
var json = new Option<string?>("--json") { Description = "Write the results to this file as JSON." };
var commit = new Option<string?>("--commit") { Description = "The commit measured (shown in the results)." };

var root = new RootCommand("The live control loop of issue 19, measured: the simulated site in this process, `opencpm run` in a child process.")
{
    stations, constantSeconds, quietSeconds, steps, stepA, holdSeconds, share, householdA, settleSeconds, block, controller, json, commit,
};
// Ctrl+C and SIGTERM cancel the run, which then stops the controller and removes its data folder however long that
// takes (System.CommandLine's own handling would end the process 2 s after the signal, cleanup or not).
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted.Cancel();
});
root.SetAction(async (parse, _) =>
{
    var cancellationToken = interrupted.Token;
    var options = new LoopBenchOptions
    {
        Stations = parse.GetValue(stations),
        ConstantWindow = TimeSpan.FromSeconds(parse.GetValue(constantSeconds)),
        QuietWindow = TimeSpan.FromSeconds(parse.GetValue(quietSeconds)),
        Steps = parse.GetValue(steps),
        StepA = parse.GetValue(stepA),
        StepHold = TimeSpan.FromSeconds(parse.GetValue(holdSeconds)),
        HouseholdShare = parse.GetValue(share),
        HouseholdA = parse.GetValue(householdA),
        Settle = TimeSpan.FromSeconds(parse.GetValue(settleSeconds)),
        LoopbackBlock = parse.GetValue(block),
        ControllerDll = Path.GetFullPath(parse.GetValue(controller)!),
        JsonPath = parse.GetValue(json),
    };
    try
    {
        var result = await new LoopBenchRun(options, Console.Error).RunAsync(parse.GetValue(commit), cancellationToken);
        TableReport.Write(result, Console.Out);
        if (options.JsonPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellationToken);
        }

        return 0;
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync("loopbench: interrupted; the controller was stopped and its data folder removed.");
        return 130;
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException or System.Net.Sockets.SocketException or HttpRequestException)
    {
        await Console.Error.WriteLineAsync($"loopbench: {e.Message}");
        return 1;
    }
});
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
