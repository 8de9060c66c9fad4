using OpenCpm.Data;

namespace OpenCpm.Maintenance;

/// <summary>
/// One controller per data folder: the running controller holds <c>opencpm.lock</c> open exclusively, so a second one
/// on the same folder stops at start with a sentence, and commands that change the data offline (configuration import,
/// admin recovery) can tell that a controller is running and must be used instead.
/// </summary>
internal sealed class DataFolderLock(StorageOptions storage) : IHostedLifecycleService, IDisposable
{
    public const string FileName = "opencpm.lock";

    private FileStream? _lock;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _lock = TryAcquire(storage.DataDirectory)
            ?? throw new InvalidOperationException($"Another controller is running on the data folder {storage.DataDirectory} (its {FileName} is held).");
        return Task.CompletedTask;
    }

    /// <summary>The lock, or null when a controller holds it.</summary>
    public static FileStream? TryAcquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        try
        {
            return new FileStream(Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
