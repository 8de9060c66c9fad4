using System.Diagnostics;
using System.Globalization;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Transfers;

/// <summary>
/// An independent FTP server: pyftpdlib (Debian python3-pyftpdlib, installed by scripts/install-test-deps.sh) run as
/// tests/interop/ftp-server.py on 127.0.0.1, a free port, serving a temp folder (<see cref="Home"/>) to
/// <see cref="User"/>/<see cref="Password"/>; stopped (stdin closed, else killed) on dispose.
/// </summary>
internal sealed class PyftpdlibServer : IAsyncDisposable
{
    public const string User = "cpo";
    public const string Password = "s3cret-pw";
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private PyftpdlibServer(Process process, Task<string> stderr, TempDirectory home, int port)
    {
        _process = process;
        _stderr = stderr;
        Home = home;
        Port = port;
    }

    public TempDirectory Home { get; }

    public int Port { get; }

    /// <param name="options">further ftp-server.py options: --anonymous, --no-epsv, --masquerade ADDRESS, --tls CERT KEY</param>
    public static async Task<PyftpdlibServer> StartAsync(params string[] options)
    {
        var home = new TempDirectory();
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(RepositoryRoot(), "tests", "interop", "ftp-server.py"), "--home", home.Path, "--user", User, "--password", Password, .. options])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
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
            home.Dispose();
            throw new InvalidOperationException($"pyftpdlib did not start (run scripts/install-test-deps.sh): {line} {await stderr}");
        }

        return new PyftpdlibServer(process, stderr, home, int.Parse(line["LISTENING ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>ftp://cpo:s3cret-pw@127.0.0.1:PORT/PATH (another scheme, user or password when given; user null: anonymous).</summary>
    public string Url(string path, string scheme = "ftp", string? user = User, string password = Password) =>
        $"{scheme}://{(user is null ? "" : $"{user}:{password}@")}127.0.0.1:{Port}/{path}";

    /// <summary>What the server logged (warnings, tracebacks), for failure messages.</summary>
    public string Errors => _stderr.IsCompleted ? _stderr.Result : "";

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
        Home.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenCpm.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no OpenCpm.slnx above {AppContext.BaseDirectory}");
    }
}
