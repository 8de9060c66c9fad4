namespace OpenCpm.Security;

/// <summary>Log messages of the web UI certificate (event ids 1150–1159).</summary>
internal static partial class WebUiCertificateLog
{
    [LoggerMessage(1150, LogLevel.Information, "The web UI serves HTTPS with certificate {Name}")]
    public static partial void Switched(ILogger logger, string name);

    [LoggerMessage(1151, LogLevel.Warning, "A web UI certificate was not used at start: {Problem}")]
    public static partial void NotUsed(ILogger logger, string problem);

    [LoggerMessage(1152, LogLevel.Warning, "A new web UI certificate was taken back: {Problem}")]
    public static partial void NotServed(ILogger logger, string problem);
}
