using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>
/// The real <c>opencpm run</c> as a child process (the build output next to the test assembly), on a free TCP port
/// and a unique KEBA loopback address, so a test can kill it the hard way (SIGKILL) and start it again.
/// </summary>
internal sealed class ControllerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _sync = new();

    private ControllerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_sync)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ControllerProcess> StartAsync(string dataDirectory, IEnumerable<string>? hostArgs = null)
    {
        var port = FreePort.Tcp();
        var dll = typeof(OpenCpm.Cli.CommandLine).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var arg in new[]
        {
            dll, "run",
            "--data-dir", dataDirectory,
            "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            "--admin-password", OpenCpmApplication.AdminPassword,
            $"--Keba:Address={FreePort.LoopbackAddress()}",
            "--Serilog:MinimumLevel:Default=Warning",
        }.Concat(hostArgs ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var controller = new ControllerProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        process.OutputDataReceived += (_, e) => controller.Append(e.Data);
        process.ErrorDataReceived += (_, e) => controller.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.TrueAsync(controller.AnswersAsync, TimeSpan.FromSeconds(60), "opencpm run answers HTTP");
        return controller;
    }

    /// <summary>A client logged in as the preset admin.</summary>
    public async Task<HttpClient> CreateClientAsync()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword));
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the controller.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_sync)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"opencpm run exited with code {_process.ExitCode}: {Output}");
        }

        await Task.Delay(200, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri("/api/v1/status", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
