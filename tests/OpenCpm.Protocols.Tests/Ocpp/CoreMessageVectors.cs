using OpenCpm.Protocols.Ocpp.V16;
using static OpenCpm.Protocols.Tests.Ocpp.GoldenMessage;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// Golden payloads of the 28 OCPP 1.6 actions. Sources: the OCPP-J 1.6 BootNotification example (its CALLRESULT with
/// 1.5's <c>heartbeatInterval</c> corrected to the 1.6 field <c>interval</c>), OCTT's TC_066 profiles and composite
/// schedule, OCTT's TC_073 AuthorizationKey, and values a KEBA-style controller with 20 stations sends.
/// </summary>
internal static class CoreMessageVectors
{
    private const string Tag = "04E91C5A123456";

    private static readonly ChargingSchedule Tc066TxDefault = new()
    {
        Duration = 300,
        StartSchedule = At("2024-03-01T10:00:00Z"),
        ChargingRateUnit = ChargingRateUnitType.A,
        ChargingSchedulePeriod =
        [
            new() { StartPeriod = 0, Limit = 6m }, new() { StartPeriod = 60, Limit = 10m }, new() { StartPeriod = 120, Limit = 8m },
            new() { StartPeriod = 180, Limit = 15m }, new() { StartPeriod = 260, Limit = 8m },
        ],
    };

    public static IEnumerable<GoldenMessage> All =>
    [
        new("Authorize.req", $$"""{"idTag":"{{Tag}}"}""", new AuthorizeRequest { IdTag = Tag }),
        new("Authorize.conf", """{"idTagInfo":{"expiryDate":"2024-03-02T00:00:00Z","parentIdTag":"FLEET-7","status":"Accepted"}}""",
            new AuthorizeResponse { IdTagInfo = new IdTagInfo { ExpiryDate = At("2024-03-02T00:00:00Z"), ParentIdTag = "FLEET-7", Status = AuthorizationStatus.Accepted } }),
        new("BootNotification.req (OCPP-J 1.6 example)", """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}""",
            new BootNotificationRequest { ChargePointVendor = "VendorX", ChargePointModel = "SingleSocketCharger" }),
        new("BootNotification.req (every field)", """{"chargePointVendor":"OpenCPM","chargePointModel":"M20","chargePointSerialNumber":"OCPM-0001","chargeBoxSerialNumber":"OCPM-BOX-0001","firmwareVersion":"0.1.0","iccid":"8931440400012345678","imsi":"262011234567890","meterType":"EM24","meterSerialNumber":"KX123"}""",
            new BootNotificationRequest
            {
                ChargePointVendor = "OpenCPM", ChargePointModel = "M20", ChargePointSerialNumber = "OCPM-0001", ChargeBoxSerialNumber = "OCPM-BOX-0001",
                FirmwareVersion = "0.1.0", Iccid = "8931440400012345678", Imsi = "262011234567890", MeterType = "EM24", MeterSerialNumber = "KX123",
            }),
        new("BootNotification.conf (OCPP-J 1.6 example, 1.6 field name)", """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}""",
            new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = At("2013-02-01T20:53:32.486Z"), Interval = 300 }),
        new("CancelReservation.req", """{"reservationId":42}""", new CancelReservationRequest { ReservationId = 42 }),
        new("CancelReservation.conf", """{"status":"Rejected"}""", new CancelReservationResponse { Status = CancelReservationStatus.Rejected }),
        new("ChangeAvailability.req", """{"connectorId":0,"type":"Inoperative"}""", new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative }),
        new("ChangeAvailability.conf", """{"status":"Scheduled"}""", new ChangeAvailabilityResponse { Status = AvailabilityStatus.Scheduled }),
        new("ChangeConfiguration.req (OCTT TC_073 key)", """{"key":"AuthorizationKey","value":"4F43415F4F4354545F61646D696E5F74657374"}""",
            new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = "4F43415F4F4354545F61646D696E5F74657374" }),
        new("ChangeConfiguration.req (CSL)", """{"key":"MeterValuesSampledData","value":"Energy.Active.Import.Register,Current.Import,Voltage"}""",
            new ChangeConfigurationRequest { Key = "MeterValuesSampledData", Value = "Energy.Active.Import.Register,Current.Import,Voltage" }),
        new("ChangeConfiguration.conf", """{"status":"RebootRequired"}""", new ChangeConfigurationResponse { Status = ConfigurationStatus.RebootRequired }),
        new("ClearCache.req", "{}", new ClearCacheRequest()),
        new("ClearCache.conf", """{"status":"Accepted"}""", new ClearCacheResponse { Status = ClearCacheStatus.Accepted }),
        new("ClearChargingProfile.req", """{"id":3,"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":0}""",
            new ClearChargingProfileRequest { Id = 3, ConnectorId = 1, ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, StackLevel = 0 }),
        new("ClearChargingProfile.req (clear all)", "{}", new ClearChargingProfileRequest()),
        new("ClearChargingProfile.conf", """{"status":"Unknown"}""", new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Unknown }),
        new("DataTransfer.req", """{"vendorId":"com.keba","messageId":"SetDisplayText","data":"Hallo Ölwechsel"}""",
            new DataTransferRequest { VendorId = "com.keba", MessageId = "SetDisplayText", Data = "Hallo Ölwechsel" }),
        new("DataTransfer.conf", """{"status":"UnknownVendorId"}""", new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId }),
        new("DiagnosticsStatusNotification.req", """{"status":"UploadFailed"}""", new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.UploadFailed }),
        new("DiagnosticsStatusNotification.conf", "{}", new DiagnosticsStatusNotificationResponse()),
        new("FirmwareStatusNotification.req", """{"status":"Installing"}""", new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installing }),
        new("FirmwareStatusNotification.conf", "{}", new FirmwareStatusNotificationResponse()),
        new("GetCompositeSchedule.req (OCTT TC_066)", """{"connectorId":1,"duration":400,"chargingRateUnit":"A"}""",
            new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 400, ChargingRateUnit = ChargingRateUnitType.A }),
        new("GetCompositeSchedule.conf (OCTT TC_066 result, x = 0)", """{"status":"Accepted","connectorId":1,"scheduleStart":"2024-03-01T10:00:00Z","chargingSchedule":{"duration":400,"startSchedule":"2024-03-01T10:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":8},{"startPeriod":50,"limit":10},{"startPeriod":200,"limit":6},{"startPeriod":240,"limit":10}]}}""",
            new GetCompositeScheduleResponse
            {
                Status = GetCompositeScheduleStatus.Accepted, ConnectorId = 1, ScheduleStart = At("2024-03-01T10:00:00Z"),
                ChargingSchedule = new ChargingSchedule
                {
                    Duration = 400, StartSchedule = At("2024-03-01T10:00:00Z"), ChargingRateUnit = ChargingRateUnitType.A,
                    ChargingSchedulePeriod =
                    [
                        new() { StartPeriod = 0, Limit = 8m }, new() { StartPeriod = 50, Limit = 10m },
                        new() { StartPeriod = 200, Limit = 6m }, new() { StartPeriod = 240, Limit = 10m },
                    ],
                },
            }),
        new("GetCompositeSchedule.conf (Rejected)", """{"status":"Rejected"}""", new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected }),
        new("GetConfiguration.req", """{"key":["HeartbeatInterval","Colour"]}""", new GetConfigurationRequest { Key = ["HeartbeatInterval", "Colour"] }),
        new("GetConfiguration.req (all keys)", "{}", new GetConfigurationRequest()),
        new("GetConfiguration.conf", """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"20"},{"key":"AuthorizeRemoteTxRequests","readonly":false}],"unknownKey":["Colour"]}""",
            new GetConfigurationResponse
            {
                ConfigurationKey =
                [
                    new KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" },
                    new KeyValue { Key = "NumberOfConnectors", Readonly = true, Value = "20" },
                    new KeyValue { Key = "AuthorizeRemoteTxRequests", Readonly = false },
                ],
                UnknownKey = ["Colour"],
            }),
        new("GetDiagnostics.req", """{"location":"ftp://diag:secret@diag.example.com/uploads/","retries":3,"retryInterval":60,"startTime":"2024-02-29T00:00:00Z","stopTime":"2024-03-01T00:00:00Z"}""",
            new GetDiagnosticsRequest { Location = "ftp://diag:secret@diag.example.com/uploads/", Retries = 3, RetryInterval = 60, StartTime = At("2024-02-29T00:00:00Z"), StopTime = At("2024-03-01T00:00:00Z") }),
        new("GetDiagnostics.conf", """{"fileName":"opencpm-diagnostics-20240301.zip"}""", new GetDiagnosticsResponse { FileName = "opencpm-diagnostics-20240301.zip" }),
        new("GetDiagnostics.conf (nothing to upload)", "{}", new GetDiagnosticsResponse()),
        new("GetLocalListVersion.req", "{}", new GetLocalListVersionRequest()),
        new("GetLocalListVersion.conf (not supported)", """{"listVersion":-1}""", new GetLocalListVersionResponse { ListVersion = -1 }),
        new("Heartbeat.req", "{}", new HeartbeatRequest()),
        new("Heartbeat.conf", """{"currentTime":"2024-03-01T10:15:00.123Z"}""", new HeartbeatResponse { CurrentTime = At("2024-03-01T10:15:00.123Z") }),
        new("MeterValues.req", """{"connectorId":3,"transactionId":1024,"meterValue":[{"timestamp":"2024-03-01T10:15:00Z","sampledValue":[{"value":"12345.6","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"15.9","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","location":"Outlet","unit":"A"},{"value":"231","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","unit":"V"}]}]}""",
            new MeterValuesRequest
            {
                ConnectorId = 3, TransactionId = 1024,
                MeterValue =
                [
                    new MeterValue
                    {
                        Timestamp = At("2024-03-01T10:15:00Z"),
                        SampledValue =
                        [
                            new SampledValue { Value = "12345.6", Context = ReadingContext.SamplePeriodic, Format = ValueFormat.Raw, Measurand = Measurand.EnergyActiveImportRegister, Location = Location.Outlet, Unit = UnitOfMeasure.Wh },
                            new SampledValue { Value = "15.9", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.CurrentImport, Phase = Phase.L1, Location = Location.Outlet, Unit = UnitOfMeasure.A },
                            new SampledValue { Value = "231", Context = ReadingContext.SamplePeriodic, Measurand = Measurand.Voltage, Phase = Phase.L1N, Unit = UnitOfMeasure.V },
                        ],
                    },
                ],
            }),
        new("MeterValues.req (connector 0, clock-aligned sum, kWh)", """{"connectorId":0,"meterValue":[{"timestamp":"2024-03-01T10:15:00Z","sampledValue":[{"value":"4711.25","context":"Sample.Clock","measurand":"Energy.Active.Import.Register","location":"Inlet","unit":"kWh"}]}]}""",
            new MeterValuesRequest
            {
                ConnectorId = 0,
                MeterValue = [new MeterValue { Timestamp = At("2024-03-01T10:15:00Z"), SampledValue = [new SampledValue { Value = "4711.25", Context = ReadingContext.SampleClock, Measurand = Measurand.EnergyActiveImportRegister, Location = Location.Inlet, Unit = UnitOfMeasure.KWh }] }],
            }),
        new("MeterValues.conf", "{}", new MeterValuesResponse()),
        new("RemoteStartTransaction.req (with TxProfile, OCTT TC_059 shape)", $$$$"""{"connectorId":2,"idTag":"{{{{Tag}}}}","chargingProfile":{"chargingProfileId":8,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":6000,"numberPhases":3}],"minChargingRate":4140.5}}}""",
            new RemoteStartTransactionRequest
            {
                ConnectorId = 2, IdTag = Tag,
                ChargingProfile = new ChargingProfile
                {
                    ChargingProfileId = 8, StackLevel = 1, ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile, ChargingProfileKind = ChargingProfileKindType.Relative,
                    ChargingSchedule = new ChargingSchedule { ChargingRateUnit = ChargingRateUnitType.W, ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 6000m, NumberPhases = 3 }], MinChargingRate = 4140.5m },
                },
            }),
        new("RemoteStartTransaction.req (no connector)", $$"""{"idTag":"{{Tag}}"}""", new RemoteStartTransactionRequest { IdTag = Tag }),
        new("RemoteStartTransaction.conf", """{"status":"Accepted"}""", new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted }),
        new("RemoteStopTransaction.req", """{"transactionId":1024}""", new RemoteStopTransactionRequest { TransactionId = 1024 }),
        new("RemoteStopTransaction.conf", """{"status":"Rejected"}""", new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected }),
        new("ReserveNow.req (connector 0)", $$"""{"connectorId":0,"expiryDate":"2024-03-01T11:00:00Z","idTag":"{{Tag}}","parentIdTag":"FLEET-7","reservationId":42}""",
            new ReserveNowRequest { ConnectorId = 0, ExpiryDate = At("2024-03-01T11:00:00Z"), IdTag = Tag, ParentIdTag = "FLEET-7", ReservationId = 42 }),
        new("ReserveNow.conf", """{"status":"Occupied"}""", new ReserveNowResponse { Status = ReservationStatus.Occupied }),
        new("Reset.req", """{"type":"Soft"}""", new ResetRequest { Type = ResetType.Soft }),
        new("Reset.conf", """{"status":"Accepted"}""", new ResetResponse { Status = ResetStatus.Accepted }),
        new("SendLocalList.req (differential: one update, one removal)", $$$"""{"listVersion":5,"localAuthorizationList":[{"idTag":"{{{Tag}}}","idTagInfo":{"expiryDate":"2025-01-01T00:00:00Z","parentIdTag":"FLEET-7","status":"Accepted"}},{"idTag":"DEADBEEF"}],"updateType":"Differential"}""",
            new SendLocalListRequest
            {
                ListVersion = 5, UpdateType = UpdateType.Differential,
                LocalAuthorizationList =
                [
                    new AuthorizationData { IdTag = Tag, IdTagInfo = new IdTagInfo { ExpiryDate = At("2025-01-01T00:00:00Z"), ParentIdTag = "FLEET-7", Status = AuthorizationStatus.Accepted } },
                    new AuthorizationData { IdTag = "DEADBEEF" },
                ],
            }),
        new("SendLocalList.conf", """{"status":"VersionMismatch"}""", new SendLocalListResponse { Status = UpdateStatus.VersionMismatch }),
        new("SetChargingProfile.req (OCTT TC_066 TxDefaultProfile)", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":2,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"duration":300,"startSchedule":"2024-03-01T10:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6},{"startPeriod":60,"limit":10},{"startPeriod":120,"limit":8},{"startPeriod":180,"limit":15},{"startPeriod":260,"limit":8}]}}}""",
            new SetChargingProfileRequest
            {
                ConnectorId = 1,
                CsChargingProfiles = new ChargingProfile { ChargingProfileId = 2, StackLevel = 0, ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, ChargingProfileKind = ChargingProfileKindType.Absolute, ChargingSchedule = Tc066TxDefault },
            }),
        new("SetChargingProfile.req (daily ChargePointMaxProfile on connector 0)", """{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"transactionId":7,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily","validFrom":"2024-03-01T00:00:00Z","validTo":"2024-12-31T23:59:59Z","chargingSchedule":{"duration":86400,"startSchedule":"2024-03-01T00:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":63.5},{"startPeriod":61200,"limit":32,"numberPhases":1}],"minChargingRate":6.1}}}""",
            new SetChargingProfileRequest
            {
                ConnectorId = 0,
                CsChargingProfiles = new ChargingProfile
                {
                    ChargingProfileId = 1, TransactionId = 7, StackLevel = 0, ChargingProfilePurpose = ChargingProfilePurposeType.ChargePointMaxProfile,
                    ChargingProfileKind = ChargingProfileKindType.Recurring, RecurrencyKind = RecurrencyKindType.Daily,
                    ValidFrom = At("2024-03-01T00:00:00Z"), ValidTo = At("2024-12-31T23:59:59Z"),
                    ChargingSchedule = new ChargingSchedule
                    {
                        Duration = 86400, StartSchedule = At("2024-03-01T00:00:00Z"), ChargingRateUnit = ChargingRateUnitType.A,
                        ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 63.5m }, new() { StartPeriod = 61200, Limit = 32m, NumberPhases = 1 }],
                        MinChargingRate = 6.1m,
                    },
                },
            }),
        new("SetChargingProfile.conf", """{"status":"NotSupported"}""", new SetChargingProfileResponse { Status = ChargingProfileStatus.NotSupported }),
        new("StartTransaction.req", $$"""{"connectorId":3,"idTag":"{{Tag}}","meterStart":1234500,"reservationId":42,"timestamp":"2024-03-01T10:00:00Z"}""",
            new StartTransactionRequest { ConnectorId = 3, IdTag = Tag, MeterStart = 1234500, ReservationId = 42, Timestamp = At("2024-03-01T10:00:00Z") }),
        new("StartTransaction.conf", """{"idTagInfo":{"status":"ConcurrentTx"},"transactionId":1024}""",
            new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.ConcurrentTx }, TransactionId = 1024 }),
        new("StatusNotification.req (station unreachable)", """{"connectorId":3,"errorCode":"EVCommunicationError","info":"station does not answer","status":"Unavailable","timestamp":"2024-03-01T10:00:01Z","vendorId":"OpenCPM","vendorErrorCode":"KEBA-UDP-TIMEOUT"}""",
            new StatusNotificationRequest { ConnectorId = 3, ErrorCode = ChargePointErrorCode.EVCommunicationError, Info = "station does not answer", Status = ChargePointStatus.Unavailable, Timestamp = At("2024-03-01T10:00:01Z"), VendorId = "OpenCPM", VendorErrorCode = "KEBA-UDP-TIMEOUT" }),
        new("StatusNotification.req (connector 0)", """{"connectorId":0,"errorCode":"NoError","status":"Available"}""",
            new StatusNotificationRequest { ConnectorId = 0, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available }),
        new("StatusNotification.conf", "{}", new StatusNotificationResponse()),
        new("StopTransaction.req", $$"""{"idTag":"{{Tag}}","meterStop":1250000,"timestamp":"2024-03-01T12:00:00Z","transactionId":1024,"reason":"EVDisconnected","transactionData":[{"timestamp":"2024-03-01T12:00:00Z","sampledValue":[{"value":"1250000","context":"Transaction.End","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""",
            new StopTransactionRequest
            {
                IdTag = Tag, MeterStop = 1250000, Timestamp = At("2024-03-01T12:00:00Z"), TransactionId = 1024, Reason = Reason.EVDisconnected,
                TransactionData = [new MeterValue { Timestamp = At("2024-03-01T12:00:00Z"), SampledValue = [new SampledValue { Value = "1250000", Context = ReadingContext.TransactionEnd, Measurand = Measurand.EnergyActiveImportRegister, Unit = UnitOfMeasure.Wh }] }],
            }),
        new("StopTransaction.req (minimal, reason Local omitted)", """{"meterStop":0,"timestamp":"2024-03-01T12:00:00Z","transactionId":-1}""",
            new StopTransactionRequest { MeterStop = 0, Timestamp = At("2024-03-01T12:00:00Z"), TransactionId = -1 }),
        new("StopTransaction.conf", """{"idTagInfo":{"status":"Accepted"}}""", new StopTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }),
        new("StopTransaction.conf (no idTagInfo)", "{}", new StopTransactionResponse()),
        new("TriggerMessage.req", """{"requestedMessage":"StatusNotification","connectorId":1}""", new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 1 }),
        new("TriggerMessage.conf", """{"status":"NotImplemented"}""", new TriggerMessageResponse { Status = TriggerMessageStatus.NotImplemented }),
        new("UnlockConnector.req", """{"connectorId":2}""", new UnlockConnectorRequest { ConnectorId = 2 }),
        new("UnlockConnector.conf", """{"status":"UnlockFailed"}""", new UnlockConnectorResponse { Status = UnlockStatus.UnlockFailed }),
        new("UpdateFirmware.req", """{"location":"https://fw.example.com/opencpm-0.2.0.tar.gz","retries":3,"retrieveDate":"2024-03-02T02:00:00Z","retryInterval":60}""",
            new UpdateFirmwareRequest { Location = "https://fw.example.com/opencpm-0.2.0.tar.gz", Retries = 3, RetrieveDate = At("2024-03-02T02:00:00Z"), RetryInterval = 60 }),
        new("UpdateFirmware.conf", "{}", new UpdateFirmwareResponse()),
    ];
}
