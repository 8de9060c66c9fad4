using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>Our side's calls over a real loopback WebSocket: correlation, one CALL at a time, timeouts on a fake clock, stray and late answers, closing.</summary>
public sealed class OcppConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_goes_out_as_a_call_frame_and_returns_the_typed_answer_with_the_same_id()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var boot = h.Connection.CallAsync(new BootNotificationRequest { ChargePointVendor = "OpenCPM", ChargePointModel = "M20" }, Ct);
        var frame = await h.Peer.ReceiveAsync();
        await h.Peer.SendAsync("""[3,"m1",{"status":"Pending","currentTime":"2024-03-01T10:00:05Z","interval":60}]""");

        Assert.Equal("""[2,"m1","BootNotification",{"chargePointVendor":"OpenCPM","chargePointModel":"M20"}]""", frame);
        Assert.Equal(new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = new DateTimeOffset(2024, 3, 1, 10, 0, 5, TimeSpan.Zero), Interval = 60 }, await boot);
        Assert.Equal(h.Time.GetUtcNow(), h.Connection.LastSentAt);
    }

    [Fact]
    public async Task A_stored_request_read_back_from_json_is_sent_and_answered_with_its_response_record()
    {
        await using var h = await OcppConnectionHarness.StartAsync();
        var action = OcppV16Actions.Set.Find("StopTransaction")!;
        var stored = OcppCodec.WritePayload(new StopTransactionRequest { MeterStop = 1250000, Timestamp = h.Time.GetUtcNow(), TransactionId = 1024 }, action.RequestInfo, action.RequestContext).GetRawText();

        var request = OcppCodec.ReadPayload(System.Text.Json.JsonDocument.Parse(stored).RootElement, action.RequestInfo, action.RequestContext);
        var call = h.Connection.CallAnyAsync(request, timeout: null, Ct);
        var (id, payload) = await h.Peer.ReceiveCallAsync("StopTransaction");
        await h.Peer.SendAsync($$$"""[3,"{{{id}}}",{"idTagInfo":{"status":"Accepted"}}]""");

        Assert.Equal(stored, payload.GetRawText());
        Assert.Equal(AuthorizationStatus.Accepted, Assert.IsType<StopTransactionResponse>(await call).IdTagInfo!.Status);
    }

    [Theory]
    [InlineData("OccurrenceConstraintViolation", OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("OccurenceConstraintViolation", OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("FormationViolation", OcppErrorCode.FormationViolation)]
    [InlineData("RpcFrameworkError", OcppErrorCode.RpcFrameworkError)]
    public async Task A_callerror_answer_throws_with_its_code_in_either_spelling(string wireCode, OcppErrorCode code)
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var call = h.Connection.CallAsync(new AuthorizeRequest { IdTag = "04E91C5A" }, Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("Authorize");
        await h.Peer.SendAsync($$"""[4,"{{id}}","{{wireCode}}","idTag is odd",{"field":"idTag"}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal((code, "idTag is odd", "idTag"), (error.ErrorCode, error.Description, error.Details.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_second_call_waits_until_the_first_is_answered()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var first = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var second = h.Connection.CallAsync(new StatusNotificationRequest { ConnectorId = 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available }, Ct);
        var (firstId, _) = await h.Peer.ReceiveCallAsync("Heartbeat");

        Assert.Equal(1, h.OutboundCount());
        Assert.False(second.IsCompleted);
        await h.Peer.SendAsync($$"""[3,"{{firstId}}",{"currentTime":"2024-03-01T10:00:00Z"}]""");
        var (secondId, _) = await h.Peer.ReceiveCallAsync("StatusNotification");
        await h.Peer.SendAsync($$"""[3,"{{secondId}}",{}]""");

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(new StatusNotificationResponse(), await second);
        await first;
    }

    [Fact]
    public async Task A_peer_that_never_answers_times_out_on_the_clock_and_the_next_call_goes_out()
    {
        await using var h = await OcppConnectionHarness.StartAsync(configure: o => o with { CallTimeout = TimeSpan.FromSeconds(30) });

        var first = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var second = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        await h.Peer.ReceiveCallAsync("Heartbeat");
        h.Time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.False(first.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(0.1));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => first);
        Assert.Equal("no answer to Heartbeat (message id m1) within 30 s", timeout.Message);
        var (secondId, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        Assert.Equal("m2", secondId);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<TimeoutException>(() => second);
        Assert.Equal(2, h.Entries(6105).Count());
    }

    [Fact]
    public async Task An_answer_after_the_timeout_is_ignored_and_logged()
    {
        await using var h = await OcppConnectionHarness.StartAsync(configure: o => o with { CallTimeout = TimeSpan.FromSeconds(10) });

        var first = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        await h.Peer.ReceiveCallAsync("Heartbeat");
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await h.Peer.SendAsync("""[3,"m1",{"currentTime":"2024-03-01T10:00:00Z"}]""");
        var next = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2024-03-01T10:00:10Z"}]""");

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 10, TimeSpan.Zero), (await next).CurrentTime);
        Assert.Contains(h.Entries(6104), e => e.Message.Contains("message id m1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_for_unknown_ids_are_ignored_and_the_right_one_is_taken()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var call = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync("""[3,"somebody-else",{"currentTime":"1999-01-01T00:00:00Z"}]""");
        await h.Peer.SendAsync("""[4,"another","GenericError","not for you",{}]""");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2024-03-01T10:00:00Z"}]""");

        Assert.Equal(2024, (await call).CurrentTime.Year);
        Assert.Equal(2, h.Entries(6104).Count());
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task An_answer_that_breaks_the_schema_fails_the_call_with_a_sentence_and_the_link_stays_up()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var call = h.Connection.CallAsync(new BootNotificationRequest { ChargePointVendor = "OpenCPM", ChargePointModel = "M20" }, Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("BootNotification");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","heartbeatInterval":300}]""");

        var error = await Assert.ThrowsAsync<OcppProtocolException>(() => call);
        Assert.Equal((OcppErrorCode.OccurrenceConstraintViolation, "BootNotification.conf: required field 'interval' is missing"), (error.ErrorCode, error.Message));
        var next = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var (nextId, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync($$"""[3,"{{nextId}}",{"currentTime":"2024-03-01T10:00:00Z"}]""");
        await next;
        Assert.Single(h.Entries(6107));
    }

    [Fact]
    public async Task A_malformed_answer_to_the_pending_call_fails_it()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var call = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var (id, _) = await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2024-03-01T10:00:00Z"},"extra"]""");

        var error = await Assert.ThrowsAsync<OcppProtocolException>(() => call);
        Assert.Equal($"CALLRESULT {id} has 4 elements instead of 3", error.Message);
    }

    [Fact]
    public async Task A_request_that_breaks_the_schema_is_refused_before_it_is_sent()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OcppProtocolException>(() => h.Connection.CallAsync(new AuthorizeRequest { IdTag = new string('A', 21) }, Ct));

        Assert.Equal("Authorize.req: 'idTag' must be at most 20 characters but was \"AAAAAAAAAAAAAAAAAAAAA\" (21 characters)", error.Message);
        Assert.Equal(0, h.OutboundCount());
    }

    [Fact]
    public async Task Calling_before_running_is_a_programming_error_and_after_closing_a_closed_link()
    {
        await using var h = await OcppConnectionHarness.StartAsync(run: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Connection.CallAsync(new HeartbeatRequest(), Ct));
        var running = h.Connection.RunAsync(Ct);
        var receive = h.Peer.ReceiveAsync();
        await h.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);
        await running;

        Assert.Null(await receive);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, h.Peer.Socket.CloseStatus);
        Assert.Equal("bye", h.Peer.Socket.CloseStatusDescription);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => h.Connection.CallAsync(new HeartbeatRequest(), Ct));
        Assert.False(h.Connection.IsOpen);
    }

    [Fact]
    public async Task When_the_peer_closes_the_pending_and_waiting_calls_fail_as_closed()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var pending = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        var waiting = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        await h.Peer.ReceiveCallAsync("Heartbeat");
        await h.Peer.Socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "maintenance", Ct);
        await h.Running;

        var error = await Assert.ThrowsAsync<OcppConnectionClosedException>(() => pending);
        Assert.Contains("PolicyViolation maintenance", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => waiting);
        Assert.Equal((WebSocketCloseStatus?)WebSocketCloseStatus.PolicyViolation, h.Connection.CloseStatus);
        Assert.Equal(WebSocketMessageType.Close, (await h.Peer.Socket.ReceiveAsync(new byte[16], Ct)).MessageType);
    }

    [Fact]
    public async Task When_the_peer_vanishes_without_closing_the_run_ends_and_the_call_fails()
    {
        await using var h = await OcppConnectionHarness.StartAsync();

        var pending = h.Connection.CallAsync(new HeartbeatRequest(), Ct);
        await h.Peer.ReceiveCallAsync("Heartbeat");
        h.Peer.Vanish();
        await h.Running;

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => pending);
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task Cancelling_the_run_aborts_the_socket()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var h = await OcppConnectionHarness.StartAsync(run: false);
        var running = h.Connection.RunAsync(stop.Token);

        await stop.CancelAsync();
        await running;

        Assert.False(h.Connection.IsOpen);
        await Assert.ThrowsAsync<WebSocketException>(() => h.Peer.ReceiveAsync());
    }

    [Fact]
    public async Task The_authorization_key_never_reaches_the_log_even_at_debug_level()
    {
        var router = new OcppRouter().On((ChangeConfigurationRequest _) => new ChangeConfigurationResponse { Status = ConfigurationStatus.Accepted });
        await using var h = await OcppConnectionHarness.StartAsync(router);

        await h.Peer.SendAsync("""[2,"k1","ChangeConfiguration",{"key":"AuthorizationKey","value":"4F43415F4F4354545F61646D696E5F74657374"}]""");
        Assert.Equal("""[3,"k1",{"status":"Accepted"}]""", await h.Peer.ReceiveAsync());

        Assert.Contains(h.Entries(6100), e => e.Message.Contains("\"value\":\"***\"", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Log.Entries, e => e.Message.Contains("4F43415F", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Traces, t => t.Text.Contains("4F43415F", StringComparison.Ordinal));
        Assert.True(h.Log.Entries.All(e => e.Level <= LogLevel.Information));
    }
}
