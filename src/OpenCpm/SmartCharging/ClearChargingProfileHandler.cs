using OpenCpm.Core.SmartCharging;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>ClearChargingProfile.req → removes the matching profiles: Accepted, or Unknown when none matched.</summary>
internal sealed class ClearChargingProfileHandler(SmartChargingService service)
{
    public async ValueTask<ClearChargingProfileResponse> HandleAsync(ClearChargingProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = new ChargingProfileFilter
        {
            Id = request.Id,
            ConnectorId = request.ConnectorId,
            Purpose = request.ChargingProfilePurpose is { } purpose ? ChargingProfileWire.ToCore(purpose) : null,
            StackLevel = request.StackLevel,
        };
        var removed = await service.ClearAsync(filter, cancellationToken);
        return new ClearChargingProfileResponse { Status = removed.Count > 0 ? ClearChargingProfileStatus.Accepted : ClearChargingProfileStatus.Unknown };
    }
}
