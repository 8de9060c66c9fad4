namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DiagnosticsStatusNotification.conf: the answer to <see cref="DiagnosticsStatusNotificationRequest"/>.</summary>
public sealed record DiagnosticsStatusNotificationResponse;
