using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargePointErrorCode, used in StatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargePointErrorCode>))]
public enum ChargePointErrorCode
{
    ConnectorLockFailure,
    EVCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    OverVoltage,
    WeakSignal,
}
