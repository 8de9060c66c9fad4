namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignedFirmwareStatusNotification.conf: the answer to <see cref="SignedFirmwareStatusNotificationRequest"/>.</summary>
public sealed record SignedFirmwareStatusNotificationResponse;
