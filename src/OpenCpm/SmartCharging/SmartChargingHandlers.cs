using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>The SmartCharging feature profile's backend → controller actions, for the OCPP link's router.</summary>
internal sealed class SmartChargingHandlers(SetChargingProfileHandler set, ClearChargingProfileHandler clear, GetCompositeScheduleHandler composite) : Ocpp.IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router
            .On<SetChargingProfileRequest, SetChargingProfileResponse>((request, call) => set.HandleAsync(request, call.CancellationToken))
            .On<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, call) => clear.HandleAsync(request, call.CancellationToken))
            .On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>(composite.Handle);
    }
}
