using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>CALLs from the peer over a real loopback WebSocket: typed dispatch, the CALLERROR for everything that cannot be handled, and frames that are not frames.</summary>
public sealed class OcppIncomingCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OcppRouter Router() => new OcppRouter()
        .On((GetConfigurationRequest request) => new GetConfigurationResponse
        {
            ConfigurationKey = [new KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" }],
            UnknownKey = request.Key?.Where(k => k != "HeartbeatInterval").ToList(),
        })
        .On((SetChargingProfileRequest request) => request.CsChargingProfiles.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && request.CsChargingProfiles.TransactionId is null
            ? throw new OcppCallErrorException(OcppErrorCode.PropertyConstraintViolation, "a TxProfile needs a running transaction")
            : new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted })
        .On<ResetRequest, ResetResponse>(_ => throw new InvalidOperationException("the reset switch is stuck"))
        .On((ClearCacheRequest _) => new ClearCacheResponse { Status = (ClearCacheStatus)42 })
        .On((DataTransferRequest request) => new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data });

    /// <summary>What the peer sends, and the frame we must answer with.</summary>
    public static TheoryData<string, string> Exchanges => new()
    {
        { """[2,"a1","GetConfiguration",{"key":["HeartbeatInterval","Colour"]}]""", """[3,"a1",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}],"unknownKey":["Colour"]}]""" },
        { """[2,"a2","GetConfiguration",null]""", """[3,"a2",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}]""" },
        { """[2,"a3","SetDisplayMessage",{}]""", """[4,"a3","NotImplemented","action 'SetDisplayMessage' is not an action of ocpp1.6",{}]""" },
        { """[2,"a4","getConfiguration",{}]""", """[4,"a4","NotImplemented","action 'getConfiguration' is not an action of ocpp1.6",{}]""" },
        { """[2,"a5","ReserveNow",{"connectorId":1,"expiryDate":"2024-03-01T11:00:00Z","idTag":"A","reservationId":1}]""", """[4,"a5","NotSupported","ReserveNow is not supported here",{}]""" },
        { """[2,"a6","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]""", """[4,"a6","NotSupported","BootNotification is not supported here",{}]""" },
        { """[2,"a7","GetConfiguration",{"key":"HeartbeatInterval"}]""", """[4,"a7","TypeConstraintViolation","GetConfiguration.req: 'key' must be an array but was \"HeartbeatInterval\"",{}]""" },
        { """[2,"a8","RemoteStopTransaction",{}]""", """[4,"a8","OccurenceConstraintViolation","RemoteStopTransaction.req: required field 'transactionId' is missing",{}]""" },
        { """[2,"a9","Reset",{"type":"Warm"}]""", """[4,"a9","PropertyConstraintViolation","Reset.req: 'type' must be one of Hard, Soft but was \"Warm\"",{}]""" },
        { """[2,"a10","ClearCache",{"all":true}]""", """[4,"a10","FormationViolation","ClearCache.req: 'all' is not a field of this message (value true)",{}]""" },
        { """[2,"a11","SetChargingProfile",{"connectorId":1,"csChargingProfiles":{"chargingProfileId":5,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6}]}}}]""", """[4,"a11","PropertyConstraintViolation","a TxProfile needs a running transaction",{}]""" },
        { """[2,"a12","Reset",{"type":"Hard"}]""", """[4,"a12","InternalError","Reset could not be handled",{}]""" },
        { """[2,"a13","ClearCache",{}]""", """[4,"a13","InternalError","ClearCache could not be answered",{}]""" },
        { """[2,"a14","DataTransfer",{"vendorId":"com.keba","data":"Grüße"}]""", """[3,"a14",{"status":"Accepted","data":"Grüße"}]""" },
        { """[2,"a15","Heartbeat"]""", """[4,"a15","ProtocolError","CALL a15 (Heartbeat) has no payload",{}]""" },
        { """[2,"a16","Heartbeat",{}""", """[4,"a16","FormationViolation","frame is not valid JSON (Expected depth to be zero at the end of the JSON payload)",{}]""" },
        { """[2,"a17",["Heartbeat"],{}]""", """[4,"a17","FormationViolation","CALL a17 must name its action as a string but had [\"Heartbeat\"]",{}]""" },
        { """[2,"0123456789012345678901234567890123456789","Heartbeat",{}]""", """[4,"0123456789012345678901234567890123456789","FormationViolation","message id \"0123456789012345678901234567890123456789\" is 40 characters long, more than 36",{}]""" },
    };

    [Theory, MemberData(nameof(Exchanges))]
    public async Task Peer_call_is_answered_with_the_right_frame(string sent, string answer)
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());

        await h.Peer.SendAsync(sent);

        Assert.Equal(answer, await h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task A_failing_handler_is_logged_as_an_error_and_an_invalid_own_answer_too()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());

        await h.Peer.SendAsync("""[2,"r","Reset",{"type":"Soft"}]""");
        await h.Peer.ReceiveAsync();
        await h.Peer.SendAsync("""[2,"c","ClearCache",{}]""");
        await h.Peer.ReceiveAsync();

        Assert.Equal([6106, 6113], h.Errors.Select(e => e.EventId.Id));
        Assert.IsType<InvalidOperationException>(h.Errors.First().Exception);
    }

    [Fact]
    public async Task Frames_nobody_can_be_answered_for_are_logged_and_ignored_and_the_link_keeps_working()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());

        foreach (var junk in new[] { "hello", "{}", "[]", """[5,"x",{}]""", """[3,"x"]""", """[4,"y",7]""", "[2,17,\"Heartbeat\",{}]" })
        {
            await h.Peer.SendAsync(junk);
        }

        await h.Peer.SendAsync(Encoding.UTF8.GetBytes(""));
        await h.Peer.SendAsync("""[2,"ok","GetConfiguration",{}]""");
        Assert.Equal("ok", (await h.Peer.ReceiveFrameAsync())[1].GetString());
        Assert.Equal(7, h.Entries(6102).Count());
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_binary_frame_is_answered_formation_violation()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());
        var bytes = Encoding.UTF8.GetBytes("""[2,"u","DataTransfer",{"vendorId":"?"}]""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3;

        await h.Peer.Socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, Ct);

        Assert.Equal("""[4,"u","FormationViolation","frame is not valid UTF-8",{}]""", await h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_ends_the_link_as_rfc_6455_demands_without_an_error()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());
        var bytes = Encoding.UTF8.GetBytes("""[2,"u","DataTransfer",{"vendorId":"?"}]""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3;

        await h.Peer.SendAsync(bytes);
        await h.Running;

        Assert.Null(await h.Peer.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, h.Peer.Socket.CloseStatus);
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task An_oversized_call_is_drained_without_being_kept_answered_and_the_link_keeps_working()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router(), o => o with { MaxFrameBytes = 1024 });
        var huge = $$"""[2,"big","DataTransfer",{"vendorId":"v","data":"{{new string('x', 200_000)}}"}]""";

        await h.Peer.SendAsync(huge);

        Assert.Equal($$"""[4,"big","FormationViolation","frame of {{Encoding.UTF8.GetByteCount(huge)}} bytes is longer than the limit of 1024 bytes",{}]""", await h.Peer.ReceiveAsync());
        await h.Peer.SendAsync("""[2,"small","DataTransfer",{"vendorId":"v","data":"fits"}]""");
        Assert.Equal("""[3,"small",{"status":"Accepted","data":"fits"}]""", await h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task A_frame_of_exactly_the_limit_is_read()
    {
        var frame = """[2,"edge","DataTransfer",{"vendorId":"v","data":"x"}]""";
        await using var h = await OcppConnectionHarness.StartAsync(Router(), o => o with { MaxFrameBytes = Encoding.UTF8.GetByteCount(frame) });

        await h.Peer.SendAsync(frame);

        Assert.Equal("""[3,"edge",{"status":"Accepted","data":"x"}]""", await h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task Calls_may_cross_our_pending_call()
    {
        await using var h = await OcppConnectionHarness.StartAsync(Router());

        var ours = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync("""[2,"theirs","GetConfiguration",{"key":[]}]""");
        Assert.Equal("theirs", (await h.Peer.ReceiveFrameAsync())[1].GetString());
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2024-03-01T10:00:00Z"}]""");

        await ours;
    }

    [Fact]
    public async Task A_handler_may_call_the_peer_and_wait_for_its_answer()
    {
        OcppConnection? connection = null;
        var router = new OcppRouter().On(async (TriggerMessageRequest request, OcppCallContext context) =>
        {
            await connection!.CallAsync(new StatusNotificationRequest { ConnectorId = request.ConnectorId ?? 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available }, context.CancellationToken);
            return new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted };
        });
        await using var h = await OcppConnectionHarness.StartAsync(router);
        connection = h.Connection;

        await h.Peer.SendAsync("""[2,"t","TriggerMessage",{"requestedMessage":"StatusNotification","connectorId":2}]""");
        var (id, payload) = await h.Peer.ReceiveCallAsync("StatusNotification");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{}]""");

        Assert.Equal(2, payload.GetProperty("connectorId").GetInt32());
        Assert.Equal("""[3,"t",{"status":"Accepted"}]""", await h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task A_follow_up_started_after_reply_sent_reaches_the_peer_after_the_answer()
    {
        OcppConnection? connection = null;
        Task? followUp = null;
        var router = new OcppRouter().On((TriggerMessageRequest _, OcppCallContext context) =>
        {
            followUp = SendAfterAsync(context.ReplySent);
            return ValueTask.FromResult(new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted });

            async Task SendAfterAsync(Task replySent)
            {
                await replySent;
                await connection!.CallAsync(new HeartbeatRequest(), CancellationToken.None);
            }
        });
        await using var h = await OcppConnectionHarness.StartAsync(router);
        connection = h.Connection;

        await h.Peer.SendAsync("""[2,"t","TriggerMessage",{"requestedMessage":"Heartbeat"}]""");

        Assert.Equal("""[3,"t",{"status":"Accepted"}]""", await h.Peer.ReceiveAsync());
        var (id, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2024-03-01T10:00:00Z"}]""");
        await followUp!;
    }

    [Fact]
    public async Task Calls_beyond_the_queue_are_answered_generic_error_at_once()
    {
        var release = new TaskCompletionSource();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = new OcppRouter().On(async (DataTransferRequest request, OcppCallContext _) =>
        {
            busy.TrySetResult();
            await release.Task;
            return new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data };
        });
        await using var h = await OcppConnectionHarness.StartAsync(router, o => o with { MaxQueuedIncomingCalls = 2 });

        await h.Peer.SendAsync("""[2,"d1","DataTransfer",{"vendorId":"v","data":"1"}]""");
        await busy.Task.WaitAsync(Ct);
        for (var i = 2; i <= 4; i++)
        {
            await h.Peer.SendAsync($$"""[2,"d{{i}}","DataTransfer",{"vendorId":"v","data":"{{i}}"}]""");
        }

        var refused = await h.Peer.ReceiveAsync();
        release.SetResult();
        var answered = new[] { await h.Peer.ReceiveAsync(), await h.Peer.ReceiveAsync(), await h.Peer.ReceiveAsync() };

        Assert.Equal("""[4,"d4","GenericError","too many CALLs are waiting to be handled",{}]""", refused);
        Assert.Equal(["""[3,"d1",{"status":"Accepted","data":"1"}]""", """[3,"d2",{"status":"Accepted","data":"2"}]""", """[3,"d3",{"status":"Accepted","data":"3"}]"""], answered);
        Assert.Contains(h.Log.Entries, e => e.EventId.Id == 6112 && e.Level == LogLevel.Warning);
    }
}
