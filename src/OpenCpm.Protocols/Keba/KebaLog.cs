using System.Net;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Keba;

/// <summary>Log messages of the KEBA UDP transport and station simulator (event ids 3000–3099).</summary>
public static partial class KebaLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Dropped {Count} malformed datagram(s) from {Source} (warned at most once a minute per station); the latest: {Reason}")]
    public static partial void MalformedDatagrams(ILogger logger, int count, IPEndPoint source, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Ignored a datagram from {Source}, which is not a known station")]
    public static partial void UnknownSource(ILogger logger, IPEndPoint source);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Ignored an unexpected {Kind} from {Source}")]
    public static partial void UnexpectedMessage(ILogger logger, string kind, IPEndPoint source);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "KEBA UDP endpoint listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Receiving on the KEBA UDP socket failed; continuing")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "No reply from {Station} to '{Command}' (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ReplyTimeout(ILogger logger, IPAddress station, string command, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Sending '{Command}' to {Station} failed")]
    public static partial void SendFailed(ILogger logger, IPAddress station, string command, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Dropped {Count} datagram(s) from {Station} sent from port {Port}, not {StationPort}: a KEBA station always sends from {StationPort}, so these are not the station's (spoofed, or another program on that host)")]
    public static partial void DatagramsFromOtherPort(ILogger logger, int count, IPAddress station, int port, int stationPort);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Dropped a malformed datagram from {Source}, which is not a known station: {Reason}")]
    public static partial void MalformedFromUnknownSource(ILogger logger, IPEndPoint source, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Simulated station {Station} ignored a command: {Reason}")]
    public static partial void SimulatorIgnoredCommand(ILogger logger, string station, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Simulated station {Station} could not send a datagram")]
    public static partial void SimulatorSendFailed(ILogger logger, string station, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Simulated station {Station} (firmware {Firmware}) ignored a request from port {Port}: it answers only requests from port {ControllerPort}")]
    public static partial void SimulatorIgnoredOtherPort(ILogger logger, string station, string firmware, int port, int controllerPort);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "Simulated station {Station} dropped '{Command}': it came {GapMs:0} ms after the previous command")]
    public static partial void SimulatorDroppedBurst(ILogger logger, string station, string command, double gapMs);
}
