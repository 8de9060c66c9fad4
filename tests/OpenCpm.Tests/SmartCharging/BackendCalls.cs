using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.SmartCharging;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.SmartCharging;

/// <summary>
/// The backend's smart-charging calls as the OCPP link hands them to the handlers: each request read from its JSON
/// against the schema, each answer written and checked against the schema (so nothing a strict backend refuses).
/// </summary>
internal sealed class BackendCalls(SetChargingProfileHandler set, ClearChargingProfileHandler clear, GetCompositeScheduleHandler composite)
{
    public static BackendCalls Of(OpenCpmApplication app) =>
        new(app.Service<SetChargingProfileHandler>(), app.Service<ClearChargingProfileHandler>(), app.Service<GetCompositeScheduleHandler>());

    public static BackendCalls Of(Demo.DemoApplication demo) =>
        new(demo.Service<SetChargingProfileHandler>(), demo.Service<ClearChargingProfileHandler>(), demo.Service<GetCompositeScheduleHandler>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<string> SetChargingProfileAsync(string json)
    {
        var request = Read(json, OcppJsonContext.Default.SetChargingProfileRequest);
        var response = await set.HandleAsync(request, Ct);
        return Written(response, OcppJsonContext.Default.SetChargingProfileResponse).GetProperty("status").GetString()!;
    }

    public async Task<string> ClearChargingProfileAsync(string json)
    {
        var request = Read(json, OcppJsonContext.Default.ClearChargingProfileRequest);
        var response = await clear.HandleAsync(request, Ct);
        return Written(response, OcppJsonContext.Default.ClearChargingProfileResponse).GetProperty("status").GetString()!;
    }

    public JsonElement GetCompositeSchedule(string json)
    {
        var request = Read(json, OcppJsonContext.Default.GetCompositeScheduleRequest);
        return Written(composite.Handle(request), OcppJsonContext.Default.GetCompositeScheduleResponse);
    }

    /// <summary>A profile of one purpose: Absolute from <paramref name="start"/>, periods as (startPeriod, limit).</summary>
    public static string Profile(int connectorId, int id, string purpose, int stackLevel, DateTimeOffset start, string unit, params (int StartS, double Limit)[] periods)
    {
        var schedulePeriods = string.Join(", ", periods.Select(p => FormattableString.Invariant($$"""{"startPeriod": {{p.StartS}}, "limit": {{p.Limit}}}""")));
        var schedule = FormattableString.Invariant($$"""{"startSchedule": "{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}", "chargingRateUnit": "{{unit}}", "chargingSchedulePeriod": [{{schedulePeriods}}]}""");
        return $$$"""
            {"connectorId": {{{connectorId}}}, "csChargingProfiles": {"chargingProfileId": {{{id}}}, "stackLevel": {{{stackLevel}}},
              "chargingProfilePurpose": "{{{purpose}}}", "chargingProfileKind": "Absolute", "chargingSchedule": {{{schedule}}}}}
            """;
    }

    private static T Read<T>(string json, JsonTypeInfo<T> info)
    {
        using var document = JsonDocument.Parse(json);
        return OcppCodec.ReadPayload(document.RootElement.Clone(), info, typeof(T).Name);
    }

    private static JsonElement Written(object response, JsonTypeInfo info) => OcppCodec.WritePayload(response, info, response.GetType().Name);
}
