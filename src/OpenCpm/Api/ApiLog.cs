namespace OpenCpm.Api;

/// <summary>Log messages of the REST API itself (event ids 1200–1219).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(1200, LogLevel.Warning, "{Method} {Path} failed: the database could not be written ({Reason}); answered 503")]
    public static partial void StorageFailed(ILogger logger, string method, string path, string reason);
}
