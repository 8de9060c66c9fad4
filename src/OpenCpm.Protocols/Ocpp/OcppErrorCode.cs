namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// CALLERROR codes of OCPP-J 1.6 (table 7), named by meaning. On the wire 1.6 spells two of them wrongly
/// (<c>FormationViolation</c>, <c>OccurenceConstraintViolation</c>); <see cref="OcppErrorCodes"/> writes those spellings
/// and reads both spellings plus the OCPP 2.x codes.
/// </summary>
public enum OcppErrorCode
{
    GenericError,
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurrenceConstraintViolation,
    TypeConstraintViolation,
    RpcFrameworkError,
    MessageTypeNotSupported,
}
