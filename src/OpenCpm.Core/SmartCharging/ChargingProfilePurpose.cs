namespace OpenCpm.Core.SmartCharging;

/// <summary>What a charging profile limits (OCPP 1.6 §3.13.1).</summary>
public enum ChargingProfilePurpose
{
    /// <summary>The whole network (connector 0 only): all charging together.</summary>
    ChargePointMaxProfile,

    /// <summary>The default of a connector (N) or of every connector (0) while no <see cref="TxProfile"/> is installed.</summary>
    TxDefaultProfile,

    /// <summary>One running transaction on one connector; removed when the transaction ends.</summary>
    TxProfile,
}
