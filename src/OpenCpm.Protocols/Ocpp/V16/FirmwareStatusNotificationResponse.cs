namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>FirmwareStatusNotification.conf: the answer to <see cref="FirmwareStatusNotificationRequest"/>.</summary>
public sealed record FirmwareStatusNotificationResponse;
