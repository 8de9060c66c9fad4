namespace OpenCpm.Firmware;

/// <summary>
/// A firmware update the backend asked for (UpdateFirmware, or SignedUpdateFirmware with its requestId, signing
/// certificate and signature), and how far it got (persisted by <see cref="FirmwareJobStore"/>).
/// </summary>
internal sealed record FirmwareJob
{
    public required string Id { get; init; }

    public required bool Signed { get; init; }

    public int? RequestId { get; init; }

    public required string Location { get; init; }

    public required DateTimeOffset RetrieveAt { get; init; }

    public DateTimeOffset? InstallAt { get; init; }

    public int? Retries { get; init; }

    public int? RetryIntervalSeconds { get; init; }

    public string? SigningCertificate { get; init; }

    public string? Signature { get; init; }

    public FirmwareJobStage Stage { get; init; } = FirmwareJobStage.Scheduled;

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was handed to the installer (the update state written after this moment is this job's).</summary>
    public DateTimeOffset? InstallStartedAt { get; init; }

    /// <summary>The version the installer switched to (null until it answered).</summary>
    public string? TargetVersion { get; init; }

    /// <summary>How it is named in logs: the request and its id.</summary>
    public string What => Signed ? $"SignedUpdateFirmware {RequestId}" : "UpdateFirmware";
}
