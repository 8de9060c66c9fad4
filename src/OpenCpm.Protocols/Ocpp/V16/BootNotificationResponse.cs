namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>BootNotification.conf: the answer to <see cref="BootNotificationRequest"/>.</summary>
public sealed record BootNotificationResponse
{
    public required RegistrationStatus Status { get; init; }

    public required DateTimeOffset CurrentTime { get; init; }

    public required int Interval { get; init; }
}
