namespace OpenCpm.Data;

/// <summary>The backend's firmware update being carried out, at most one (<see cref="Firmware.FirmwareJobStore"/>): kept until its outcome was told.</summary>
internal sealed class FirmwareUpdateRow
{
    public required string Id { get; set; }

    /// <summary>SignedUpdateFirmware (true) or UpdateFirmware.</summary>
    public bool Signed { get; set; }

    public int? RequestId { get; set; }

    public required string Location { get; set; }

    public DateTimeOffset RetrieveAt { get; set; }

    public DateTimeOffset? InstallAt { get; set; }

    public int? Retries { get; set; }

    public int? RetryIntervalSeconds { get; set; }

    public string? SigningCertificate { get; set; }

    public string? Signature { get; set; }

    /// <summary>Scheduled (before it is handed to the installer) or Installing.</summary>
    public required string Stage { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? InstallStartedAt { get; set; }

    public string? TargetVersion { get; set; }
}
