using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Location, used in MeterValues.req, StopTransaction.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Location>))]
public enum Location
{
    Cable,
    EV,
    Inlet,
    Outlet,
    Body,
}
