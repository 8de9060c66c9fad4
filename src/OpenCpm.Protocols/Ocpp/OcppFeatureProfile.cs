namespace OpenCpm.Protocols.Ocpp;

/// <summary>The OCPP 1.6 feature profile an action belongs to (Security = the 1.6 security whitepaper).</summary>
public enum OcppFeatureProfile
{
    Core,
    FirmwareManagement,
    LocalAuthListManagement,
    Reservation,
    SmartCharging,
    RemoteTrigger,
    Security,
}
