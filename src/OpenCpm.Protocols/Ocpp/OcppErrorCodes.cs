namespace OpenCpm.Protocols.Ocpp;

/// <summary>The wire spelling of <see cref="OcppErrorCode"/> in OCPP-J 1.6 (errata v1.0 §5 keeps the misspellings).</summary>
public static class OcppErrorCodes
{
    public static string ToWire(OcppErrorCode code) => code switch
    {
        OcppErrorCode.OccurrenceConstraintViolation => "OccurenceConstraintViolation",
        _ => code.ToString(),
    };

    /// <summary>
    /// Reads a received code: both spellings of the two misspelled codes, <c>FormatViolation</c> of OCPP 2.x, and
    /// <see cref="OcppErrorCode.GenericError"/> for anything unknown (the caller still gets the peer's description).
    /// </summary>
    public static OcppErrorCode FromWire(string code) => code switch
    {
        "OccurenceConstraintViolation" or "OccurrenceConstraintViolation" => OcppErrorCode.OccurrenceConstraintViolation,
        "FormationViolation" or "FormatViolation" => OcppErrorCode.FormationViolation,
        "NotImplemented" => OcppErrorCode.NotImplemented,
        "NotSupported" => OcppErrorCode.NotSupported,
        "InternalError" => OcppErrorCode.InternalError,
        "ProtocolError" => OcppErrorCode.ProtocolError,
        "SecurityError" => OcppErrorCode.SecurityError,
        "PropertyConstraintViolation" => OcppErrorCode.PropertyConstraintViolation,
        "TypeConstraintViolation" => OcppErrorCode.TypeConstraintViolation,
        "RpcFrameworkError" => OcppErrorCode.RpcFrameworkError,
        "MessageTypeNotSupported" => OcppErrorCode.MessageTypeNotSupported,
        _ => OcppErrorCode.GenericError,
    };
}
