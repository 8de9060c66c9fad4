using System.Net.Sockets;
using OpenCpm.Maintenance;

namespace OpenCpm.Cli;

/// <summary>
/// What `opencpm run` and `opencpm demo` share: build the controller host, start it, print where it listens, run
/// until Ctrl+C or SIGTERM, stop it. Build errors exit 2, start errors exit 1, each as one sentence on stderr. A
/// restart the controller asked for (<see cref="ControllerRestart"/>) exits with <see cref="ControllerRestart.ExitCode"/>
/// for the supervisor, or — asked to restart in process (the demo, which has none) — starts it again here.
/// </summary>
internal static class HostLifetime
{
    public static async Task<int> RunAsync(
        string command,
        Func<WebApplication> build,
        Func<WebApplication, Task> announce,
        TextWriter error,
        CancellationToken cancellationToken,
        bool restartInProcess = false)
    {
        while (true)
        {
            var exitCode = await RunOnceAsync(command, build, announce, error, cancellationToken);
            if (exitCode != ControllerRestart.ExitCode || !restartInProcess || cancellationToken.IsCancellationRequested)
            {
                return exitCode;
            }
        }
    }

    private static async Task<int> RunOnceAsync(
        string command,
        Func<WebApplication> build,
        Func<WebApplication, Task> announce,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await error.WriteLineAsync($"{command}: {e.Message}");
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or SocketException or Microsoft.Data.Sqlite.SqliteException)
            {
                await error.WriteLineAsync($"{command}: the controller could not start: {e.Message}");
                return 1;
            }

            await announce(app);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the host stops below.
            }

            await app.StopAsync(CancellationToken.None);
            return app.Services.GetService<ControllerRestart>()?.Requested == true ? ControllerRestart.ExitCode : 0;
        }
    }
}
