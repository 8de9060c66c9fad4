namespace OpenCpm.Stations.Keba;

/// <summary>Log messages of the KEBA protocol plug-in (event ids 3200–3219).</summary>
internal static partial class KebaProtocolLog
{
    [LoggerMessage(3200, LogLevel.Error, "The KEBA UDP port can't be opened ({Reason}); KEBA stations will show as offline with their failsafe current reserved")]
    public static partial void EndpointUnavailable(ILogger logger, string reason);
}
