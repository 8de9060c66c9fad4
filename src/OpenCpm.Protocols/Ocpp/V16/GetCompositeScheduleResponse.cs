namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetCompositeSchedule.conf: the answer to <see cref="GetCompositeScheduleRequest"/>.</summary>
public sealed record GetCompositeScheduleResponse
{
    public required GetCompositeScheduleStatus Status { get; init; }

    public int? ConnectorId { get; init; }

    public DateTimeOffset? ScheduleStart { get; init; }

    public ChargingSchedule? ChargingSchedule { get; init; }
}
