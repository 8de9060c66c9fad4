namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>LogStatusNotification.conf: the answer to <see cref="LogStatusNotificationRequest"/>.</summary>
public sealed record LogStatusNotificationResponse;
