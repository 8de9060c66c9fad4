using System.Text.Json;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>Every OCPP 1.6 and whitepaper message, record → wire and wire → record, inside real CALL/CALLRESULT frames.</summary>
public sealed class OcppMessageGoldenTests
{
    private static readonly Dictionary<string, GoldenMessage> Vectors =
        CoreMessageVectors.All.Concat(SecurityMessageVectors.All).ToDictionary(v => v.Name);

    public static TheoryData<string> Names => [.. Vectors.Keys];

    public static IEnumerable<GoldenMessage> All => Vectors.Values;

    [Theory, MemberData(nameof(Names))]
    public void Record_is_written_as_the_golden_frame(string name)
    {
        var vector = Vectors[name];
        var (action, info, context) = Describe(vector);

        var payload = OcppCodec.WritePayload(vector.Record, info, context);

        Assert.Equal(Frame(vector, action), OcppCodec.Write(vector.IsRequest ? new OcppCall("19223201", action.Name, payload) : new OcppCallResult("19223201", payload)));
    }

    [Theory, MemberData(nameof(Names))]
    public void Golden_frame_is_read_as_the_record(string name)
    {
        var vector = Vectors[name];
        var (action, info, context) = Describe(vector);

        var frame = OcppCodec.Parse(Frame(vector, action));

        Assert.IsType(vector.IsRequest ? typeof(OcppCall) : typeof(OcppCallResult), frame);
        var payload = frame switch
        {
            OcppCall call => call.Payload,
            OcppCallResult result => result.Payload,
            _ => throw new InvalidOperationException(),
        };
        var record = OcppCodec.ReadPayload(payload, info, context);
        Assert.IsType(vector.Record.GetType(), record);
        Assert.Equivalent(vector.Record, record, strict: true);
    }

    [Fact]
    public void Every_request_and_response_of_the_39_actions_has_a_golden_vector()
    {
        var covered = Vectors.Values.Select(v => v.Name.Split(' ')[0]).ToHashSet();
        var expected = OcppV16Actions.Set.All.SelectMany(a => new[] { a.Name + ".req", a.Name + ".conf" }).ToHashSet();

        Assert.Equal(39, OcppV16Actions.Set.All.Count);
        Assert.Empty(expected.Except(covered));
        Assert.Empty(covered.Except(expected));
    }

    [Fact]
    public void The_registry_has_the_28_core_actions_and_the_11_whitepaper_actions_in_their_profiles()
    {
        var byProfile = OcppV16Actions.Set.All.GroupBy(a => a.Profile).ToDictionary(g => g.Key, g => g.Select(a => a.Name).Order().ToArray());

        Assert.Equal(16, byProfile[OcppFeatureProfile.Core].Length);
        Assert.Equal(["DiagnosticsStatusNotification", "FirmwareStatusNotification", "GetDiagnostics", "UpdateFirmware"], byProfile[OcppFeatureProfile.FirmwareManagement]);
        Assert.Equal(["GetLocalListVersion", "SendLocalList"], byProfile[OcppFeatureProfile.LocalAuthListManagement]);
        Assert.Equal(["CancelReservation", "ReserveNow"], byProfile[OcppFeatureProfile.Reservation]);
        Assert.Equal(["ClearChargingProfile", "GetCompositeSchedule", "SetChargingProfile"], byProfile[OcppFeatureProfile.SmartCharging]);
        Assert.Equal(["TriggerMessage"], byProfile[OcppFeatureProfile.RemoteTrigger]);
        Assert.Equal(11, byProfile[OcppFeatureProfile.Security].Length);
        Assert.Equal(OcppDirection.Both, OcppV16Actions.Set.Find("DataTransfer")!.Direction);
        Assert.Equal(typeof(BootNotificationResponse), OcppV16Actions.Set.ForRequest(typeof(BootNotificationRequest)).ResponseType);
        Assert.Null(OcppV16Actions.Set.Find("bootnotification"));
    }

    private static string Frame(GoldenMessage vector, OcppAction action) =>
        vector.IsRequest ? $"[2,\"19223201\",\"{action.Name}\",{vector.Json}]" : $"[3,\"19223201\",{vector.Json}]";

    private static (OcppAction Action, System.Text.Json.Serialization.Metadata.JsonTypeInfo Info, string Context) Describe(GoldenMessage vector)
    {
        var action = OcppV16Actions.Set.Find(vector.Action) ?? throw new InvalidOperationException($"no action {vector.Action}");
        return vector.IsRequest ? (action, action.RequestInfo, action.RequestContext) : (action, action.ResponseInfo, action.ResponseContext);
    }

    internal static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
