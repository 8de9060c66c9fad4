using OpenCpm.Transfers;

namespace OpenCpm.Diagnostics;

/// <summary>
/// Builds an archive into a temporary file (deleted when done) and uploads it to the backend's location, as many
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
        await using var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, cancellationToken);
        TransferLog.Step(logger, what, $"{fileName} ({file.Length} bytes) built; uploading it to {location.Shown}");
        return await retries.RunAsync(
            ct => transfer.UploadAsync(location, fileName, ContentType, file, ct),
            (attempt, problem) => TransferLog.AttemptFailed(logger, what, attempt, retries.Attempts, problem.Reason),
            time,
            cancellationToken);
    }
}
