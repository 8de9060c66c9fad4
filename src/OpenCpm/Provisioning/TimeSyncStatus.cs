namespace OpenCpm.Provisioning;

/// <summary>
/// What the host can tell about its clock: whether the kernel counts it as synchronised to a time source (null when
/// it can't tell), a sentence saying so, and the controller's time now (UTC).
/// </summary>
internal sealed record TimeSyncStatus(bool? Synchronized, string Detail, DateTimeOffset UtcNow);
