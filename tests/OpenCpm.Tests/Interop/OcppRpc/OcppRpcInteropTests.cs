using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>
/// Our OCPP-J layer against an independent Central System (ocpp-rpc 2.2.1, strict mode): every charge point message and
/// every Central System call validates against ocpp-rpc's schemas in both directions, its raw malformed frames get the
/// right CALLERROR, and connection-level behaviour (identity, Basic auth, subprotocol, closing, silence) holds.
/// </summary>
public sealed class OcppRpcInteropTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private const string Tag = "04E91C5A123456";
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task A_charging_session_round_trips_in_strict_mode()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-SESSION");

        var boot = await cp.CallAsync(new BootNotificationRequest { ChargePointVendor = "OpenCPM", ChargePointModel = "M20", ChargePointSerialNumber = "OCPM-0001", FirmwareVersion = "0.1.0" });
        var heartbeat = await cp.CallAsync(new HeartbeatRequest());
        await cp.CallAsync(new StatusNotificationRequest { ConnectorId = 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available });
        await cp.CallAsync(new StatusNotificationRequest { ConnectorId = 3, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Preparing, Timestamp = Now });
        var authorized = await cp.CallAsync(new AuthorizeRequest { IdTag = Tag });
        var started = await cp.CallAsync(new StartTransactionRequest { ConnectorId = 3, IdTag = Tag, MeterStart = 1_234_500, Timestamp = Now });
        await cp.CallAsync(new MeterValuesRequest
        {
            ConnectorId = 3, TransactionId = started.TransactionId,
            MeterValue = [new MeterValue
            {
                Timestamp = Now.AddMinutes(15),
                SampledValue =
                [
                    new SampledValue { Value = "1238100", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.EnergyActiveImportRegister, Location = Location.Outlet, Unit = UnitOfMeasure.Wh },
                    new SampledValue { Value = "15.9", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.CurrentImport, Phase = Phase.L1, Unit = UnitOfMeasure.A },
                    new SampledValue { Value = "231.2", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.Voltage, Phase = Phase.L1N, Unit = UnitOfMeasure.V },
                ],
            }],
        });
        var stopped = await cp.CallAsync(new StopTransactionRequest
        {
            IdTag = Tag, MeterStop = 1_250_000, Timestamp = Now.AddHours(1), TransactionId = started.TransactionId, Reason = Reason.EVDisconnected,
            TransactionData = [new MeterValue { Timestamp = Now.AddHours(1), SampledValue = [new SampledValue { Value = "1250000", Context = ReadingContext.TransactionEnd, Measurand = Measurand.EnergyActiveImportRegister, Unit = UnitOfMeasure.Wh }] }],
        });

        Assert.Equal((RegistrationStatus.Accepted, 300), (boot.Status, boot.Interval));
        Assert.True(Math.Abs((heartbeat.CurrentTime - DateTimeOffset.UtcNow).TotalMinutes) < 5);
        Assert.Equal(AuthorizationStatus.Accepted, authorized.IdTagInfo.Status);
        Assert.True(started.TransactionId >= 1000);
        Assert.Equal(AuthorizationStatus.Accepted, stopped.IdTagInfo!.Status);
        var handled = Peer.Events.Where(e => OcppRpcPeer.Kind(e) == "handled" && OcppRpcPeer.Identity(e) == "CP-SESSION").Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["BootNotification", "Heartbeat", "StatusNotification", "StatusNotification", "Authorize", "StartTransaction", "MeterValues", "StopTransaction"], handled);
        Peer.AssertClean("CP-SESSION");
    }

    [Fact]
    public async Task Every_other_charge_point_message_validates_in_strict_mode()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-NOTIFY");

        Assert.Equal(DataTransferStatus.UnknownVendorId, (await cp.CallAsync(new DataTransferRequest { VendorId = "com.example", MessageId = "Hello", Data = "{\"a\":1}" })).Status);
        await cp.CallAsync(new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Uploaded });
        await cp.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installed });
        await cp.CallAsync(new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = Now, TechInfo = "cold boot" });
        await cp.CallAsync(new LogStatusNotificationRequest { Status = UploadLogStatus.Uploaded, RequestId = 7 });
        await cp.CallAsync(new SignedFirmwareStatusNotificationRequest { Status = SignedFirmwareStatus.SignatureVerified, RequestId = 11 });
        Assert.Equal(GenericStatus.Accepted, (await cp.CallAsync(new SignCertificateRequest { Csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n" })).Status);

        Assert.Equal(7, Peer.Events.Count(e => OcppRpcPeer.Kind(e) == "handled" && OcppRpcPeer.Identity(e) == "CP-NOTIFY"));
        Peer.AssertClean("CP-NOTIFY");
    }

    [Fact]
    public async Task Central_system_calls_are_read_into_typed_requests_and_our_answers_validate()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-COMMANDS");
        const string Tc066 = """{"chargingProfileId":2,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"duration":300,"startSchedule":"2024-03-01T10:00:00.000Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6},{"startPeriod":60,"limit":10},{"startPeriod":120,"limit":8},{"startPeriod":180,"limit":15},{"startPeriod":260,"limit":8}]}}""";

        var configuration = await Peer.CallAsync(cp.Identity, "GetConfiguration", """{"key":["HeartbeatInterval","Colour"]}""");
        var changed = await Peer.CallAsync(cp.Identity, "ChangeConfiguration", """{"key":"HeartbeatInterval","value":"60"}""");
        var remoteStart = await Peer.CallAsync(cp.Identity, "RemoteStartTransaction", $$$$"""{"connectorId":2,"idTag":"{{{{Tag}}}}","chargingProfile":{"chargingProfileId":8,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":6000.5,"numberPhases":3}]}}}""");
        var triggered = await Peer.CallAsync(cp.Identity, "TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":1}""");
        var profile = await Peer.CallAsync(cp.Identity, "SetChargingProfile", $$"""{"connectorId":1,"csChargingProfiles":{{Tc066}}}""");

        Assert.Equal("""{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"20"}],"unknownKey":["Colour"]}""", configuration.GetRawText());
        Assert.Equal(("Accepted", "Accepted", "Accepted", "Accepted"), (Status(changed), Status(remoteStart), Status(triggered), Status(profile)));
        Assert.Equal(["HeartbeatInterval", "Colour"], cp.Last<GetConfigurationRequest>().Key!);
        Assert.Equal(("HeartbeatInterval", "60"), (cp.Last<ChangeConfigurationRequest>().Key, cp.Last<ChangeConfigurationRequest>().Value));
        var start = cp.Last<RemoteStartTransactionRequest>();
        Assert.Equal((2, Tag, ChargingProfilePurposeType.TxProfile, ChargingRateUnitType.W, 6000.5m, 3), (start.ConnectorId!.Value, start.IdTag, start.ChargingProfile!.ChargingProfilePurpose, start.ChargingProfile.ChargingSchedule.ChargingRateUnit, start.ChargingProfile.ChargingSchedule.ChargingSchedulePeriod[0].Limit, start.ChargingProfile.ChargingSchedule.ChargingSchedulePeriod[0].NumberPhases!.Value));
        Assert.Equal((MessageTrigger.StatusNotification, 1), (cp.Last<TriggerMessageRequest>().RequestedMessage, cp.Last<TriggerMessageRequest>().ConnectorId!.Value));
        var set = cp.Last<SetChargingProfileRequest>().CsChargingProfiles;
        Assert.Equal((ChargingProfilePurposeType.TxDefaultProfile, Now, 300), (set.ChargingProfilePurpose, set.ChargingSchedule.StartSchedule!.Value, set.ChargingSchedule.Duration!.Value));
        Assert.Equal([(0, 6m), (60, 10m), (120, 8m), (180, 15m), (260, 8m)], set.ChargingSchedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit)));
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task Every_other_central_system_call_is_read_and_answered_within_the_schemas()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-ALL-CALLS");
        var hash = """{"hashAlgorithm":"SHA256","issuerNameHash":"0b9a2c6e3f7d41a8","issuerKeyHash":"f1e2d3c4b5a69788","serialNumber":"5f2a9c"}""";
        var calls = new (string Action, string Params)[]
        {
            ("CancelReservation", """{"reservationId":42}"""),
            ("ChangeAvailability", """{"connectorId":0,"type":"Inoperative"}"""),
            ("ClearCache", "{}"),
            ("ClearChargingProfile", """{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":0}"""),
            ("DataTransfer", """{"vendorId":"com.example","messageId":"x","data":"y"}"""),
            ("GetCompositeSchedule", """{"connectorId":1,"duration":400,"chargingRateUnit":"A"}"""),
            ("GetDiagnostics", """{"location":"ftp://diag.example.com/uploads/","retries":3,"retryInterval":60,"startTime":"2024-02-29T00:00:00Z","stopTime":"2024-03-01T00:00:00Z"}"""),
            ("GetLocalListVersion", "{}"),
            ("RemoteStopTransaction", """{"transactionId":1024}"""),
            ("ReserveNow", $$"""{"connectorId":0,"expiryDate":"2024-03-01T11:00:00Z","idTag":"{{Tag}}","parentIdTag":"FLEET-7","reservationId":42}"""),
            ("Reset", """{"type":"Hard"}"""),
            ("SendLocalList", $$$"""{"listVersion":5,"localAuthorizationList":[{"idTag":"{{{Tag}}}","idTagInfo":{"status":"Accepted","expiryDate":"2025-01-01T00:00:00Z"}},{"idTag":"DEADBEEF"}],"updateType":"Differential"}"""),
            ("UnlockConnector", """{"connectorId":21}"""),
            ("UpdateFirmware", """{"location":"https://fw.example.com/opencpm.tar.gz","retrieveDate":"2024-03-02T02:00:00Z","retries":2}"""),
            ("CertificateSigned", """{"certificateChain":"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}"""),
            ("DeleteCertificate", "{\"certificateHashData\":" + hash + "}"),
            ("ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}"""),
            ("GetInstalledCertificateIds", """{"certificateType":"ManufacturerRootCertificate"}"""),
            ("GetLog", """{"log":{"remoteLocation":"https://logs.example.com/upload"},"logType":"SecurityLog","requestId":7}"""),
            ("InstallCertificate", """{"certificateType":"CentralSystemRootCertificate","certificate":"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}"""),
            ("SignedUpdateFirmware", """{"requestId":11,"firmware":{"location":"https://fw.example.com/opencpm.tar.gz","retrieveDateTime":"2024-03-02T02:00:00Z","signingCertificate":"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n","signature":"MEUCIQDx+7Lk/2Qa=="}}"""),
        };

        foreach (var (action, parameters) in calls)
        {
            await Peer.CallAsync(cp.Identity, action, parameters);
        }

        Assert.Equal(calls.Select(c => c.Action + "Request"), cp.Received.Select(r => r.GetType().Name));
        Assert.Equal(2, cp.Last<SendLocalListRequest>().LocalAuthorizationList!.Count);
        Assert.Equal("MEUCIQDx+7Lk/2Qa==", cp.Last<SignedUpdateFirmwareRequest>().Firmware.Signature);
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task An_action_we_do_not_handle_reaches_ocpp_rpc_as_not_supported()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-NOT-SUPPORTED");

        var error = await Assert.ThrowsAsync<OcppRpcCallException>(() => Peer.CallAsync(cp.Identity, "BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}"""));

        Assert.Equal("NotSupported", error.Code);
        Peer.AssertClean(cp.Identity);
    }

    /// <summary>Raw frame ocpp-rpc sends, and what we must answer.</summary>
    public static TheoryData<string, string> RawFrames => new()
    {
        { """[2,"r1","Reset",{"type":"Warm"}]""", """[4,"r1","PropertyConstraintViolation","Reset.req: 'type' must be one of Hard, Soft but was \"Warm\"",{}]""" },
        { """[2,"r2","RemoteStartTransaction",{"connectorId":1}]""", """[4,"r2","OccurenceConstraintViolation","RemoteStartTransaction.req: required field 'idTag' is missing",{}]""" },
        { """[2,"r3","UnlockConnector",{"connectorId":"1"}]""", """[4,"r3","TypeConstraintViolation","UnlockConnector.req: 'connectorId' must be an integer but was \"1\"",{}]""" },
        { """[2,"r4","ClearCache",{"everything":true}]""", """[4,"r4","FormationViolation","ClearCache.req: 'everything' is not a field of this message (value true)",{}]""" },
        { """[2,"r5","SetDisplayMessage",{}]""", """[4,"r5","NotImplemented","action 'SetDisplayMessage' is not an action of ocpp1.6",{}]""" },
        { """[2,"r6","Heartbeat"]""", """[4,"r6","ProtocolError","CALL r6 (Heartbeat) has no payload",{}]""" },
        { """[2,"r7","Reset",{"type":"Hard"}""", """[4,"r7","FormationViolation","frame is not valid JSON (Expected depth to be zero at the end of the JSON payload)",{}]""" },
        { """[2,"r8-0123456789012345678901234567890123","Reset",{"type":"Hard"}]""", """[4,"r8-0123456789012345678901234567890123","FormationViolation","message id \"r8-0123456789012345678901234567890123\" is 37 characters long, more than 36",{}]""" },
        { """[2,"r9","Reset",{"type":"Hard"},{}]""", """[4,"r9","FormationViolation","CALL r9 (Reset) has 5 elements instead of 4",{}]""" },
    };

    [Theory, MemberData(nameof(RawFrames))]
    public async Task A_malformed_frame_from_ocpp_rpc_is_answered_with_the_right_callerror(string sent, string answer)
    {
        var messageId = sent[4..sent.IndexOf('"', 4)];
        var identity = "CP-RAW-" + messageId;
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, identity);

        await Peer.SendRawAsync(identity, sent);

        Assert.Equal(answer, await Peer.RawReplyAsync(identity, messageId));
        Assert.Equal(ResetStatus.Accepted, Status<ResetStatus>(await Peer.CallAsync(identity, "Reset", """{"type":"Soft"}""")));
        Peer.AssertClean(identity);
    }

    [Fact]
    public async Task Stray_answers_and_junk_from_ocpp_rpc_are_ignored_and_the_link_keeps_working()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-JUNK");

        await Peer.SendRawAsync(cp.Identity, """[3,"nobody-asked",{"currentTime":"2024-03-01T10:00:00Z"}]""");
        await Peer.SendRawAsync(cp.Identity, """[4,"nor-this","GenericError","",{}]""");
        await Peer.SendRawAsync(cp.Identity, "not json at all");
        await Peer.SendRawAsync(cp.Identity, """[7,"future",{}]""");
        var heartbeat = await cp.CallAsync(new HeartbeatRequest());

        Assert.True(heartbeat.CurrentTime > Now);
        Assert.DoesNotContain(Peer.Events, e => OcppRpcPeer.Kind(e) == "rawReply" && OcppRpcPeer.Identity(e) == cp.Identity);
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task An_oversized_call_from_ocpp_rpc_is_refused_without_harm()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-BIG", options: new OcppConnectionOptions { Name = "CP-BIG", MaxFrameBytes = 4096 });
        var big = $$"""[2,"big","DataTransfer",{"vendorId":"com.example","data":"{{new string('x', 100_000)}}"}]""";

        await Peer.SendRawAsync(cp.Identity, big);

        Assert.Equal($$"""[4,"big","FormationViolation","frame of {{big.Length}} bytes is longer than the limit of 4096 bytes",{}]""", await Peer.RawReplyAsync(cp.Identity, "big"));
        Assert.Equal("UnknownVendorId", Status(await Peer.CallAsync(cp.Identity, "DataTransfer", """{"vendorId":"com.example"}""")));
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task A_callerror_in_ocpp_rpc_spelling_reaches_us_as_occurrence_constraint_violation()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-SPELLING");
        await Peer.RespondAsync("Authorize", errorCode: "OccurrenceConstraintViolation", identity: cp.Identity);

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => cp.CallAsync(new AuthorizeRequest { IdTag = Tag }));

        Assert.Equal((OcppErrorCode.OccurrenceConstraintViolation, "set by the test"), (error.ErrorCode, error.Description));
        Assert.Contains(Peer.Messages(cp.Identity), m => m.Outbound && m.Text.Contains("\"OccurrenceConstraintViolation\"", StringComparison.Ordinal));
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task A_central_system_that_never_answers_times_out_and_the_next_call_goes_through()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "CP-SILENT");
        await Peer.RespondAsync("StatusNotification", noReply: true, identity: cp.Identity);

        var silent = cp.Connection.CallAsync(new StatusNotificationRequest { ConnectorId = 1, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available }, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Peer.WaitForAsync("handled", cp.Identity, e => e.GetProperty("action").GetString() == "StatusNotification");
        cp.Time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => silent);
        Assert.True((await cp.CallAsync(new HeartbeatRequest())).CurrentTime > Now);
        Peer.AssertClean(cp.Identity);
    }

    [Fact]
    public async Task Identity_with_a_space_arrives_decoded_at_the_ocpp_endpoint_offering_ocpp16()
    {
        await using var cp = await InteropChargePoint.ConnectAsync(Peer, "KEBA M20");

        var connected = await Peer.WaitForAsync("connected", "KEBA M20");

        Assert.Equal(("ocpp1.6", "/ocpp", "ocpp1.6"), (connected.GetProperty("protocol").GetString(), connected.GetProperty("endpoint").GetString(), connected.GetProperty("offered")[0].GetString()));
        Assert.Equal(JsonValueKind.Null, connected.GetProperty("password").ValueKind);
    }

    [Fact]
    public async Task Profile_1_password_from_a_hex_authorization_key_is_what_the_central_system_checks()
    {
        var password = OcppBasicAuth.PasswordFromAuthorizationKey("4F43415F4F4354545F61646D696E5F74657374");

        await using var cp = await InteropChargePoint.ConnectAsync(Peer, OcppRpcPeerFixture.GuardedIdentity, o => o with { SecurityProfile = OcppSecurityProfile.BasicAuth, BasicAuthPassword = password });
        var refused = await Assert.ThrowsAsync<OcppConnectException>(() => InteropChargePoint.ConnectAsync(Peer, OcppRpcPeerFixture.GuardedIdentity, o => o with { SecurityProfile = OcppSecurityProfile.BasicAuth, BasicAuthPassword = "wrong-password-0123"u8.ToArray() }));

        var connected = await Peer.WaitForAsync("connected", OcppRpcPeerFixture.GuardedIdentity);
        Assert.Equal(OcppRpcPeerFixture.GuardedPassword, connected.GetProperty("password").GetString());
        Assert.Equal((OcppConnectFailure.Rejected, HttpStatusCode.Unauthorized), (refused.Failure, refused.HttpStatusCode!.Value));
    }

    [Fact]
    public async Task Closing_works_from_either_side()
    {
        await using var ours = await InteropChargePoint.ConnectAsync(Peer, "CP-CLOSE-OURS");
        await using var theirs = await InteropChargePoint.ConnectAsync(Peer, "CP-CLOSE-THEIRS");

        await ours.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "going away", TestContext.Current.CancellationToken);
        await Peer.CloseClientAsync(theirs.Identity, 1001, "maintenance");
        await Task.WhenAll(ours.Running, theirs.Running);

        var closedByUs = await Peer.WaitForAsync("disconnect", ours.Identity);
        Assert.Equal((1000, "going away"), (closedByUs.GetProperty("code").GetInt32(), closedByUs.GetProperty("reason").GetString()));
        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "maintenance"), (theirs.Connection.CloseStatus!.Value, theirs.Connection.CloseStatusDescription));
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => theirs.CallAsync(new HeartbeatRequest()));
    }

    private static string Status(JsonElement result) => result.GetProperty("status").GetString()!;

    private static T Status<T>(JsonElement result)
        where T : struct, Enum => Enum.Parse<T>(Status(result));
}
