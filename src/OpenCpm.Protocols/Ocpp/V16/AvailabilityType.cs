using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>AvailabilityType, used in ChangeAvailability.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AvailabilityType>))]
public enum AvailabilityType
{
    Inoperative,
    Operative,
}
