using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>LogType (security whitepaper: LogEnumType), used in GetLog.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogType>))]
public enum LogType
{
    DiagnosticsLog,
    SecurityLog,
}
