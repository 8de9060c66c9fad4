namespace OpenCpm.Core.Sessions;

/// <summary>Why a charging session ended (the reasons of OCPP 1.6 StopTransaction, so they map one to one).</summary>
public enum StopReason
{
    Local,
    Remote,
    EVDisconnected,
    DeAuthorized,
    EmergencyStop,
    HardReset,
    SoftReset,
    PowerLoss,
    Reboot,
    UnlockCommand,
    Other,
}
