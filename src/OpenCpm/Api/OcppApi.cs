using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/ocpp: the connection to the OCPP backend (CSMS). The authorization key is write-only.</summary>
internal static class OcppApi
{
    public static RouteGroupBuilder MapOcppApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/ocpp").WithTags("OCPP backend").MapSettingsDocument<OcppBackendSettings, OcppSettingsDto>(
            "OcppSettings", "the OCPP backend settings", OcppSettingsDto.From, (body, stored) => body.ToSettings(stored));
        return api;
    }
}
