using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>SetChargingProfile.req → installs the profile (stored first) or answers Rejected, the reason in the log.</summary>
internal sealed class SetChargingProfileHandler(SmartChargingService service)
{
    public async ValueTask<SetChargingProfileResponse> HandleAsync(SetChargingProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await service.SetAsync(request.ConnectorId, ChargingProfileWire.ToCore(request.CsChargingProfiles), cancellationToken);
        return new SetChargingProfileResponse { Status = result.Accepted ? ChargingProfileStatus.Accepted : ChargingProfileStatus.Rejected };
    }
}
