using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetCompositeScheduleStatus, used in GetCompositeSchedule.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GetCompositeScheduleStatus>))]
public enum GetCompositeScheduleStatus
{
    Accepted,
    Rejected,
}
