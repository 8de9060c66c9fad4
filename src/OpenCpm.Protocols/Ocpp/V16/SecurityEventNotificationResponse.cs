namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SecurityEventNotification.conf: the answer to <see cref="SecurityEventNotificationRequest"/>.</summary>
public sealed record SecurityEventNotificationResponse;
