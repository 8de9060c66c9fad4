namespace OpenCpm.Ocpp.Certificates;

/// <summary>What deleting a certificate came to.</summary>
internal enum CertificateRemovalStatus
{
    Deleted,
    NotFound,

    /// <summary>Refused: the connection depends on it (the last Central System root under profile 2/3, the Charge Point Certificate under 3).</summary>
    InUse,

    /// <summary>It could not be removed from storage.</summary>
    Failed,
}
