using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CancelReservationStatus, used in CancelReservation.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CancelReservationStatus>))]
public enum CancelReservationStatus
{
    Accepted,
    Rejected,
}
