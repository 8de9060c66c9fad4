using System.Text.Json;

namespace OpenCpm.Tests.Sessions;

/// <summary>One session as the API shows it.</summary>
internal sealed record SessionView(long Id, string ChargePoint, string? IdTag, DateTimeOffset Start, DateTimeOffset? End, double EnergyWh, string State, string? StopReason)
{
    public static SessionView From(JsonElement e) => new(
        e.GetProperty("id").GetInt64(),
        e.GetProperty("chargePoint").GetString()!,
        e.GetProperty("idTag").GetString(),
        e.GetProperty("start").GetDateTimeOffset(),
        e.GetProperty("end").ValueKind == JsonValueKind.Null ? null : e.GetProperty("end").GetDateTimeOffset(),
        e.GetProperty("energyWh").GetDouble(),
        e.GetProperty("state").GetString()!,
        e.GetProperty("stopReason").ValueKind == JsonValueKind.Null ? null : e.GetProperty("stopReason").GetString());
}
