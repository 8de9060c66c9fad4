namespace OpenCpm.Ocpp.Certificates;

/// <summary>The certificates of the manual's table and the security whitepaper.</summary>
internal enum CertificateType
{
    /// <summary>Anchors the backend's TLS certificate (profiles 2 and 3) and the Charge Point Certificate's chain.</summary>
    CentralSystemRoot,

    /// <summary>Anchors the signing certificates of signed firmware.</summary>
    ManufacturerRoot,

    /// <summary>The controller's own TLS client certificate (profile 3), with its private key.</summary>
    ChargePoint,
}
