namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StatusNotification.conf: the answer to <see cref="StatusNotificationRequest"/>.</summary>
public sealed record StatusNotificationResponse;
