using System.Diagnostics;
using System.Text.Json;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Interop;

/// <summary>
/// An independent Modbus TCP peer: pymodbus (Debian python3-pymodbus, installed by scripts/install-test-deps.sh)
/// serving registers the test chooses, encoded by Python's struct module, run as a child process.
/// </summary>
internal sealed class PymodbusMeter : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly TempDirectory _folder;
    private readonly string _modeFile;

    private PymodbusMeter(Process process, TempDirectory folder, string modeFile, int port)
    {
        _process = process;
        _folder = folder;
        _modeFile = modeFile;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the peer; <paramref name="spec"/> has "unit", "registers" and/or "sunspec" as described in pymodbus_meter.py.</summary>
    public static async Task<PymodbusMeter> StartAsync(object spec, CancellationToken cancellationToken)
    {
        var folder = new TempDirectory();
        var modeFile = folder.File("mode");
        await File.WriteAllTextAsync(modeFile, "normal", cancellationToken);
        var json = JsonSerializer.SerializeToNode(spec)!.AsObject();
        json["modeFile"] = modeFile;
        var specFile = folder.File("spec.json");
        await File.WriteAllTextAsync(specFile, json.ToJsonString(), cancellationToken);

        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "pymodbus_meter.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(specFile);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            folder.Dispose();
            throw new InvalidOperationException(
                $"pymodbus peer did not start (run scripts/install-test-deps.sh): {line} {await stderr}");
        }

        return new PymodbusMeter(process, folder, modeFile, int.Parse(line["LISTENING ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>normal | exception | garbage | silent | drop — applies from the next answer on.</summary>
    public Task SetModeAsync(string mode) => File.WriteAllTextAsync(_modeFile, mode);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        _folder.Dispose();
    }
}
