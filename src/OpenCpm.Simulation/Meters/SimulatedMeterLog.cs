using System.Net;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Simulation.Meters;

/// <summary>Log messages of the simulated grid meter (event ids 4100–4119).</summary>
internal static partial class SimulatedMeterLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Simulated grid meter ({ProfileId}) listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string profileId, EndPoint endpoint);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Simulated grid meter dropped a client that sent a malformed frame: {Reason}")]
    public static partial void MalformedRequest(ILogger logger, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Simulated grid meter connection ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, string reason);
}
