using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenCpm.LoopBench;

/// <summary>
/// The controller under test: `dotnet opencpm.dll run` in a child process with a fresh data folder, listening on
/// a free loopback port, its KEBA socket on the address given. Disposing kills it (with its children) and removes the folder;
/// so does the end of this process, however it ends short of a kill -9.
/// </summary>
public sealed class ControllerProcess : IAsyncDisposable
{
    private const int LogLines = 40;
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly Queue<string> _log = new();
    private int _disposed;

    private ControllerProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the controller wrote (for an error message).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    public static ControllerProcess Start(string controllerDll, string adminPassword, string kebaAddress)
    {
        if (!File.Exists(controllerDll))
        {
            throw new FileNotFoundException($"The controller's build output \"{controllerDll}\" does not exist; build it with `dotnet build src/OpenCpm/OpenCpm.csproj -c Release -o .build/opencpm` (bench/demo/loop.sh does).");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("opencpm-loopbench-").FullName;
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreeTcpPort()}"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            controllerDll, "run", "--data-dir", dataDirectory, "--urls", baseAddress.ToString().TrimEnd('/'), "--admin-password", adminPassword,
            "--Keba:Address=" + kebaAddress, "--Serilog:MinimumLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var controller = new ControllerProcess(process, dataDirectory, baseAddress);
        process.OutputDataReceived += (_, e) => controller.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => controller.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => controller.Stop();
        return controller;
    }

    /// <summary>Waits until GET /healthz answers 200; throws with the controller's output if it exits or never does.</summary>
    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var last = "no answer";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            EnsureRunning();
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The controller did not become healthy within {timeout.TotalSeconds:0} s (GET /healthz: {last}):{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>Throws with the controller's last output if it has exited.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The controller exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It has already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the folder is in the temp area.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
