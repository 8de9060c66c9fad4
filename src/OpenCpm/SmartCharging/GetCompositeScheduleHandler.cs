using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>GetCompositeSchedule.req → the composite schedule from now (Accepted), or Rejected for an unknown connector.</summary>
internal sealed class GetCompositeScheduleHandler(SmartChargingService service)
{
    public GetCompositeScheduleResponse Handle(GetCompositeScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unit = request.ChargingRateUnit is { } wanted ? ChargingProfileWire.ToCore(wanted) : (Core.SmartCharging.ChargingRateUnit?)null;
        if (request.Duration < 0 || service.Composite(request.ConnectorId, request.Duration, unit) is not { } composite)
        {
            return new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected };
        }

        return new GetCompositeScheduleResponse
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = composite.ConnectorId,
            ScheduleStart = composite.Start,
            ChargingSchedule = ChargingProfileWire.ToWire(composite),
        };
    }
}
