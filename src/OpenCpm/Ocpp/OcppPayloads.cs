using System.Text.Json;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>Requests as the JSON the outbox keeps (checked against the OCPP 1.6 rules when written) and back.</summary>
internal static class OcppPayloads
{
    public static string Write(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = OcppV16Actions.Set.ForRequest(request.GetType());
        return OcppCodec.WritePayload(request, action.RequestInfo, action.RequestContext).GetRawText();
    }

    public static object Read(string actionName, string payload)
    {
        var action = OcppV16Actions.Set.Find(actionName) ?? throw new InvalidOperationException($"The outbox holds a message of unknown action \"{actionName}\".");
        using var document = JsonDocument.Parse(payload);
        return OcppCodec.ReadPayload(document.RootElement, action.RequestInfo, action.RequestContext);
    }

    /// <summary>One MeterValue as JSON (kept for StopTransaction's transactionData).</summary>
    public static string Write(MeterValue value) => JsonSerializer.Serialize(value, OcppJsonContext.Default.MeterValue);

    public static IReadOnlyList<MeterValue> ReadMeterValues(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, OcppJsonContext.Default.IReadOnlyListMeterValue) ?? [];
}
