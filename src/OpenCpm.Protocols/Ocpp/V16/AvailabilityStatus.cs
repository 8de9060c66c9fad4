using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>AvailabilityStatus, used in ChangeAvailability.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AvailabilityStatus>))]
public enum AvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}
