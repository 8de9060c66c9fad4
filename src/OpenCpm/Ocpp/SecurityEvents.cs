using OpenCpm.Data;

namespace OpenCpm.Ocpp;

/// <summary>
/// Security events (security whitepaper, appendix 1: type names such as StartupOfTheDevice, FirmwareUpdated,
/// InvalidFirmwareSignature, InvalidCentralSystemCertificate): every one is written to the event log (the security log
/// GetLog uploads) and queued, persistently, for the backend as SecurityEventNotification
/// (<see cref="SecurityEventSender"/> delivers the queue in order whenever the backend has accepted the registration).
/// </summary>
internal sealed class SecurityEvents(EventLog events, OcppSecurityEventStore queue, TimeProvider time)
{
    /// <summary>The event log's source of security events (what the security log selects).</summary>
    public const string Source = "security";

    public const int MaxTypeLength = 50;
    public const int MaxTechInfoLength = 255;

    public const string StartupOfTheDevice = nameof(StartupOfTheDevice);
    public const string ResetOrReboot = nameof(ResetOrReboot);
    public const string SettingSystemTime = nameof(SettingSystemTime);
    public const string ReconfigurationOfSecurityParameters = nameof(ReconfigurationOfSecurityParameters);
    public const string InvalidCentralSystemCertificate = nameof(InvalidCentralSystemCertificate);
    public const string InvalidChargePointCertificate = nameof(InvalidChargePointCertificate);

    /// <summary>Woken whenever an event is queued.</summary>
    public OutboxSignal Queued { get; } = new();

    /// <summary>Types that are news, not trouble: written to the event log as information rather than a warning.</summary>
    private static readonly HashSet<string> Routine = new(StringComparer.Ordinal)
    {
        StartupOfTheDevice, ResetOrReboot, SettingSystemTime, ReconfigurationOfSecurityParameters, "FirmwareUpdated",
    };

    public async Task RaiseAsync(string type, string? techInfo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        type = type.Length <= MaxTypeLength ? type : type[..MaxTypeLength];
        techInfo = techInfo is { Length: > MaxTechInfoLength } ? techInfo[..MaxTechInfoLength] : techInfo is { Length: > 0 } ? techInfo : null;
        var message = techInfo is not null ? $"{type}: {techInfo}" : type;
        await events.WriteAsync(Routine.Contains(type) ? EventSeverity.Info : EventSeverity.Warning, Source, message, cancellationToken);
        var now = time.GetUtcNow();
        await queue.AddAsync(new OcppSecurityEventRow { Type = type, TechInfo = techInfo, Timestamp = now, NextAttemptAt = now }, cancellationToken);
        Queued.Wake();
    }
}
