using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// Payloads that break their schema (the checks ocpp-rpc's strict mode makes), each with the CALLERROR code and the
/// sentence naming the field and the value; and payloads at the edges that the schemas accept.
/// </summary>
public sealed class OcppPayloadValidationTests
{
    private static readonly string Long501 = new('a', 501);

    /// <summary>Message ("Action.req" or "Action.conf"), payload, code, sentence.</summary>
    public static TheoryData<string, string, OcppErrorCode, string> Malformed => new()
    {
        { "BootNotification.req", """{"chargePointVendor":"VendorX"}""", OcppErrorCode.OccurrenceConstraintViolation, "BootNotification.req: required field 'chargePointModel' is missing" },
        { "BootNotification.req", """{"chargePointVendor":"VendorXVendorXVendorX","chargePointModel":"M"}""", OcppErrorCode.PropertyConstraintViolation, "BootNotification.req: 'chargePointVendor' must be at most 20 characters but was \"VendorXVendorXVendorX\" (21 characters)" },
        { "BootNotification.req", """{"chargePointVendor":"V","chargePointModel":"M","colour":"red"}""", OcppErrorCode.FormationViolation, "BootNotification.req: 'colour' is not a field of this message (value \"red\")" },
        { "BootNotification.conf", """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","heartbeatInterval":300}""", OcppErrorCode.OccurrenceConstraintViolation, "BootNotification.conf: required field 'interval' is missing" },
        { "BootNotification.conf", """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300,"heartbeatInterval":300}""", OcppErrorCode.FormationViolation, "BootNotification.conf: 'heartbeatInterval' is not a field of this message (value 300)" },
        { "BootNotification.conf", """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":"300"}""", OcppErrorCode.TypeConstraintViolation, "BootNotification.conf: 'interval' must be an integer but was \"300\"" },
        { "StatusNotification.req", """{"connectorId":"1","errorCode":"NoError","status":"Available"}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'connectorId' must be an integer but was \"1\"" },
        { "StatusNotification.req", """{"connectorId":1.5,"errorCode":"NoError","status":"Available"}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'connectorId' must be an integer but was 1.5" },
        { "StatusNotification.req", """{"connectorId":3000000000,"errorCode":"NoError","status":"Available"}""", OcppErrorCode.PropertyConstraintViolation, "StatusNotification.req: 'connectorId' must be an integer from -2147483648 to 2147483647 but was 3000000000" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Occupied"}""", OcppErrorCode.PropertyConstraintViolation, "StatusNotification.req: 'status' must be one of Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted but was \"Occupied\"" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"available"}""", OcppErrorCode.PropertyConstraintViolation, "StatusNotification.req: 'status' must be one of Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted but was \"available\"" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":3}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'status' must be a string but was 3" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"yesterday"}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'timestamp' must be an RFC 3339 date-time but was \"yesterday\"" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-02-30T10:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'timestamp' must be an RFC 3339 date-time but was \"2024-02-30T10:00:00Z\"" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Available","info":null}""", OcppErrorCode.TypeConstraintViolation, "StatusNotification.req: 'info' must be a string but was null" },
        { "Authorize.conf", """{"idTagInfo":"Accepted"}""", OcppErrorCode.TypeConstraintViolation, "Authorize.conf: 'idTagInfo' must be an object but was \"Accepted\"" },
        { "Authorize.conf", """{"idTagInfo":{}}""", OcppErrorCode.OccurrenceConstraintViolation, "Authorize.conf: required field 'idTagInfo.status' is missing" },
        { "Authorize.conf", """{"idTagInfo":{"status":"Accepted","groupId":"x"}}""", OcppErrorCode.FormationViolation, "Authorize.conf: 'idTagInfo.groupId' is not a field of this message (value \"x\")" },
        { "MeterValues.req", """{"connectorId":1,"meterValue":[{"timestamp":"2024-03-01T10:00:00Z","sampledValue":[{"value":"1"},{"value":"2","measurand":"Energy.Active.Import"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "MeterValues.req: 'meterValue[0].sampledValue[1].measurand' must be one of Energy.Active.Export.Register, Energy.Active.Import.Register, Energy.Reactive.Export.Register, Energy.Reactive.Import.Register, Energy.Active.Export.Interval, Energy.Active.Import.Interval, Energy.Reactive.Export.Interval, Energy.Reactive.Import.Interval, Power.Active.Export, Power.Active.Import, Power.Offered, Power.Reactive.Export, Power.Reactive.Import, Power.Factor, Current.Import, Current.Export, Current.Offered, Voltage, Frequency, Temperature, SoC, RPM but was \"Energy.Active.Import\"" },
        { "MeterValues.req", """{"connectorId":1,"meterValue":[{"timestamp":"2024-03-01T10:00:00Z","sampledValue":[{"value":12.5}]}]}""", OcppErrorCode.TypeConstraintViolation, "MeterValues.req: 'meterValue[0].sampledValue[0].value' must be a string but was 12.5" },
        { "MeterValues.req", """{"connectorId":1,"meterValue":{"timestamp":"2024-03-01T10:00:00Z"}}""", OcppErrorCode.TypeConstraintViolation, "MeterValues.req: 'meterValue' must be an array but was an object" },
        { "SetChargingProfile.req", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6.05}]}}}""", OcppErrorCode.PropertyConstraintViolation, "SetChargingProfile.req: 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit' must be a multiple of 0.1 but was 6.05" },
        { "SetChargingProfile.req", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"kW","chargingSchedulePeriod":[]}}}""", OcppErrorCode.PropertyConstraintViolation, "SetChargingProfile.req: 'csChargingProfiles.chargingSchedule.chargingRateUnit' must be one of A, W but was \"kW\"" },
        { "SetChargingProfile.req", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":"6"}]}}}""", OcppErrorCode.TypeConstraintViolation, "SetChargingProfile.req: 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit' must be a number but was \"6\"" },
        { "SendLocalList.req", """{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"A"},{"idTagInfo":{"status":"Accepted"}}]}""", OcppErrorCode.OccurrenceConstraintViolation, "SendLocalList.req: required field 'localAuthorizationList[1].idTag' is missing" },
        { "GetConfiguration.conf", """{"configurationKey":[{"key":"K","readonly":"true"}]}""", OcppErrorCode.TypeConstraintViolation, "GetConfiguration.conf: 'configurationKey[0].readonly' must be a boolean but was \"true\"" },
        { "GetInstalledCertificateIds.conf", """{"certificateHashData":[],"status":"Accepted"}""", OcppErrorCode.OccurrenceConstraintViolation, "GetInstalledCertificateIds.conf: 'certificateHashData' must have at least 1 item but had 0" },
        { "GetDiagnostics.req", """{"location":"diagnostics folder"}""", OcppErrorCode.TypeConstraintViolation, "GetDiagnostics.req: 'location' must be an absolute URI but was \"diagnostics folder\"" },
        { "UpdateFirmware.req", """{"location":"/srv/firmware.bin","retrieveDate":"2024-03-01T10:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "UpdateFirmware.req: 'location' must be an absolute URI but was \"/srv/firmware.bin\"" },
        { "ChangeConfiguration.req", $$"""{"key":"AuthorizationKey","value":"{{Long501}}"}""", OcppErrorCode.PropertyConstraintViolation, "ChangeConfiguration.req: 'value' must be at most 500 characters but was (hidden) (501 characters)" },
        { "ChangeConfiguration.req", """{"key":"AuthorizationKey","value":4711}""", OcppErrorCode.TypeConstraintViolation, "ChangeConfiguration.req: 'value' must be a string but was (hidden)" },
        { "Heartbeat.req", """[]""", OcppErrorCode.FormationViolation, "Heartbeat.req: the payload must be a JSON object but was an array" },
        { "Heartbeat.req", """{"now":true}""", OcppErrorCode.FormationViolation, "Heartbeat.req: 'now' is not a field of this message (value true)" },
        { "DataTransfer.req", $$"""{"vendorId":"{{new string('v', 256)}}"}""", OcppErrorCode.PropertyConstraintViolation, $"DataTransfer.req: 'vendorId' must be at most 255 characters but was \"{new string('v', 56)}… (256 characters)" },
    };

    /// <summary>Message and payload at the edges of what the schemas accept.</summary>
    public static TheoryData<string, string> Accepted => new()
    {
        { "StatusNotification.req", """{"connectorId":1.0,"errorCode":"NoError","status":"Available"}""" },
        { "StatusNotification.req", """{"connectorId":1e0,"errorCode":"NoError","status":"Available","timestamp":"2024-03-01 10:00:00+01"}""" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2016-12-31T23:59:60Z"}""" },
        { "StatusNotification.req", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-03-01T10:00:00"}""" },
        { "Authorize.req", """{"idTag":"🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗"}""" },
        { "SetChargingProfile.req", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.10}]}}}""" },
        { "GetDiagnostics.req", """{"location":"ftp://user:p%40ss@10.0.0.5:2121/diag/"}""" },
        { "BootNotification.req", """{"chargePointModel":"M","chargePointVendor":"V","chargePointVendor":"W"}""" },
    };

    [Theory, MemberData(nameof(Malformed))]
    public void Payload_that_breaks_the_schema_is_refused_with_its_code_and_a_sentence(string message, string payload, OcppErrorCode code, string sentence)
    {
        var (info, context) = Schema(message);

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.ReadPayload(OcppMessageGoldenTests.Json(payload), info, context));

        Assert.Equal((code, sentence), (exception.ErrorCode, exception.Message));
    }

    [Theory, MemberData(nameof(Accepted))]
    public void Payload_at_the_edge_of_the_schema_is_read(string message, string payload)
    {
        var (info, context) = Schema(message);

        Assert.NotNull(OcppCodec.ReadPayload(OcppMessageGoldenTests.Json(payload), info, context));
    }

    [Fact]
    public void A_secret_never_appears_in_an_error_sentence()
    {
        var (info, context) = Schema("ChangeConfiguration.req");
        var secret = "S3cr3t" + new string('x', 500);

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.ReadPayload(OcppMessageGoldenTests.Json($$"""{"key":"AuthorizationKey","value":"{{secret}}"}"""), info, context));

        Assert.DoesNotContain("S3cr3t", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Our_own_record_that_breaks_the_schema_is_refused_before_it_is_sent()
    {
        var request = new BootNotificationRequest { ChargePointVendor = "A vendor name that is far too long", ChargePointModel = "M20" };

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.WritePayload(request, OcppJsonContext.Default.BootNotificationRequest, "BootNotification.req"));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, exception.ErrorCode);
        Assert.StartsWith("BootNotification.req: 'chargePointVendor' must be at most 20 characters", exception.Message, StringComparison.Ordinal);
    }

    private static (System.Text.Json.Serialization.Metadata.JsonTypeInfo Info, string Context) Schema(string message)
    {
        var parts = message.Split('.');
        var action = OcppV16Actions.Set.Find(parts[0])!;
        return parts[1] == "req" ? (action.RequestInfo, action.RequestContext) : (action.ResponseInfo, action.ResponseContext);
    }
}
