using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>LogStatus (security whitepaper: LogStatusEnumType), used in GetLog.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogStatus>))]
public enum LogStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
}
