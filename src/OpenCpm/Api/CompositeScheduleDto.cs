namespace OpenCpm.Api;

/// <summary>A composite schedule as GetCompositeSchedule reports it (limits rounded down to 0.1).</summary>
internal sealed record CompositeScheduleDto(int ConnectorId, string? ChargePoint, DateTimeOffset ScheduleStart, int DurationS, string Unit, IReadOnlyList<ChargingSchedulePeriodDto> Periods);
