using System.Globalization;
using System.IO.Compression;
using System.Text;
using OpenCpm.Data;
using OpenCpm.Provisioning;
using OpenCpm.Updates;

namespace OpenCpm.Maintenance;

/// <summary>
/// The logs as one download (manual 8.1.5, Logging): a ZIP with the event log as CSV (oldest first), the host's log
/// files and a short note of which controller and version wrote them. Built in a temporary file (deleted when closed),
/// then copied to the response: the ZIP writer flushes synchronously, which Kestrel's response stream refuses. The
/// backend's GetDiagnostics and GetLog take the same archive for a period of the event log; the security log (GetLog
/// SecurityLog) is the entries of one source only, without the host's log files.
/// </summary>
internal sealed class LogArchive(EventLog events, HostLogging logging, ControllerIdentity identity, InstalledVersion version, TimeProvider time)
{
    public const string ContentType = "application/zip";

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"opencpm-logs-{identity.Serial}-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip");

    public string SecurityLogFileName => string.Create(CultureInfo.InvariantCulture, $"opencpm-security-log-{identity.Serial}-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip");

    public Task WriteAsync(Stream output, CancellationToken cancellationToken) => WriteAsync(output, LogPeriod.All, cancellationToken);

    /// <summary>The archive with the event log entries of <paramref name="period"/> (the host's log files whole).</summary>
    public Task WriteAsync(Stream output, LogPeriod period, CancellationToken cancellationToken) =>
        ThroughTemporaryFileAsync(output, zip => WriteZipAsync(zip, period, eventSource: null, cancellationToken), cancellationToken);

    /// <summary>An archive of the event log entries of <paramref name="eventSource"/> in <paramref name="period"/> only (<c>SOURCE-log.csv</c>, about.txt).</summary>
    public Task WriteEventsOfAsync(Stream output, string eventSource, LogPeriod period, CancellationToken cancellationToken) =>
        ThroughTemporaryFileAsync(output, zip => WriteZipAsync(zip, period, eventSource, cancellationToken), cancellationToken);

    private static async Task ThroughTemporaryFileAsync(Stream output, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private async Task WriteZipAsync(Stream output, LogPeriod period, string? eventSource, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var what = eventSource is null ? "" : $" (event log source {eventSource} only)";
        await WriteTextAsync(zip, "about.txt", string.Create(CultureInfo.InvariantCulture,
            $"OpenCPM {version.Version}, controller {identity.Serial}, logs taken {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC; event log: {period}{what}.\n"), cancellationToken);
        await WriteEventsAsync(zip, period, eventSource, cancellationToken);
        if (eventSource is null && Directory.Exists(logging.Folder))
        {
            foreach (var file in Directory.EnumerateFiles(logging.Folder, "*.log").Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry("logs/" + Path.GetFileName(file), CompressionLevel.Fastest);
                await using var target = await entry.OpenAsync(cancellationToken);
                // The log being written stays open in the logger: share it for reading and writing.
                await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
    }

    private async Task WriteEventsAsync(ZipArchive zip, LogPeriod period, string? eventSource, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(eventSource is null ? "events.csv" : $"{eventSource}-log.csv", CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await writer.WriteAsync("time,level,source,message\n");
        await foreach (var e in events.ReadAllAsync(period.From, period.To, eventSource, cancellationToken))
        {
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{e.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},{e.Level},{Csv(e.Source)},{Csv(e.Message)}\n"));
        }
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
