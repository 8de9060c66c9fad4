using OpenCpm.Transfers;

namespace OpenCpm.Diagnostics;

/// <summary>
/// Builds an archive into a temporary file (deleted when done; each attempt reads it afresh) and uploads it to the backend's location, as many
/// times as the retries allow. What GetDiagnostics and GetLog share.
/// </summary>
internal sealed class ArchiveUploader(FileTransfer transfer, TimeProvider time, ILogger<ArchiveUploader> logger)
{
    public const string ContentType = "application/zip";

    /// <summary>Null when the server took the file, else why it was not uploaded (the last attempt's failure).</summary>
    public async Task<TransferProblem?> UploadAsync(
        string what, TransferLocation location, string fileName, Func<Stream, CancellationToken, Task> write, TransferRetries retries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(retries);
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(file, cancellationToken);
            }

            TransferLog.Step(logger, what, $"{fileName} ({new FileInfo(path).Length} bytes) built; uploading it to {location.Shown}");
            return await retries.RunAsync(
                ct => transfer.UploadAsync(location, fileName, ContentType, path, ct),
                (attempt, problem) => TransferLog.AttemptFailed(logger, what, attempt, retries.Attempts, problem.Reason),
                time,
                cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
