using OpenCpm.Data;

namespace OpenCpm.Ocpp;

/// <summary>
/// Security events (security whitepaper, appendix 1: type names such as FirmwareUpdated, InvalidFirmwareSignature,
/// InvalidCentralSystemCertificate): every one is written to the event log (the security log GetLog uploads). Sending
/// them to the backend as SecurityEventNotification is the certificate work's part.
/// </summary>
internal sealed class SecurityEvents(EventLog events)
{
    /// <summary>The event log's source of security events (what the security log selects).</summary>
    public const string Source = "security";

    public async Task RaiseAsync(string type, string? techInfo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var message = techInfo is { Length: > 0 } ? $"{type}: {techInfo}" : type;
        await events.WarningAsync(Source, message, cancellationToken);
    }
}
