namespace OpenCpm.Protocols.Ocpp;

/// <summary>Who sends the CALL of an action.</summary>
public enum OcppDirection
{
    ChargePointToCentralSystem,
    CentralSystemToChargePoint,
    Both,
}
