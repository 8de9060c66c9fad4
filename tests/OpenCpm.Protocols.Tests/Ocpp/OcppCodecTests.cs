using System.Text;
using System.Text.Json;
using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>OCPP-J frames (OCPP-J 1.6 §4) both ways, the lenient readings, and every malformed frame with its CALLERROR.</summary>
public sealed class OcppCodecTests
{
    public static TheoryData<string, string> Golden => new()
    {
        { "CALL (OCPP-J 1.6 example)", """[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""" },
        { "CALL with an empty payload", """[2,"7f9c2d2e-0e0a-4c57-8a2b-5b7b7c1a3e11","Heartbeat",{}]""" },
        { "CALLRESULT", """[3,"19223201",{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}]""" },
        { "CALLERROR (OCPP-J 1.6 example)", """[4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{}]""" },
        { "CALLERROR in the 1.6 spelling", """[4,"a","OccurenceConstraintViolation","BootNotification.req: required field 'chargePointModel' is missing",{}]""" },
        { "CALLERROR with details", """[4,"b","FormationViolation","",{"field":"idTag","limit":20}]""" },
    };

    public static TheoryData<string, string, string> ParseOnly => new()
    {
        { "spaces and line breaks", "[ 2 ,\n \"x\" , \"Heartbeat\" , { } ]", """[2,"x","Heartbeat",{}]""" },
        { "null payload read as {}", """[2,"x","Heartbeat",null]""", """[2,"x","Heartbeat",{}]""" },
        { "null result payload read as {}", """[3,"x",null]""", """[3,"x",{}]""" },
        { "ocpp-rpc's double-r spelling", """[4,"x","OccurrenceConstraintViolation","missing",{}]""", """[4,"x","OccurenceConstraintViolation","missing",{}]""" },
        { "OCPP 2.x FormatViolation", """[4,"x","FormatViolation","bad",{}]""", """[4,"x","FormationViolation","bad",{}]""" },
        { "OCPP 2.x RpcFrameworkError", """[4,"x","RpcFrameworkError","Call already in progress",{}]""", """[4,"x","RpcFrameworkError","Call already in progress",{}]""" },
        { "unknown error code", """[4,"x","Teapot","short and stout",{}]""", """[4,"x","GenericError","short and stout",{}]""" },
        { "CALLERROR without description and details", """[4,"x","InternalError"]""", """[4,"x","InternalError","",{}]""" },
        { "CALLERROR with non-object details", """[4,"x","InternalError","d",[1]]""", """[4,"x","InternalError","d",{}]""" },
        { "escaped and non-ASCII text (only characters outside the BMP stay escaped)", """[2,"x","DataTransfer",{"vendorId":"v","data":"\u00d6l \u002b \ud83d\ude97"}]""", """[2,"x","DataTransfer",{"vendorId":"v","data":"Öl + \uD83D\uDE97"}]""" },
        { "36-character message id", """[2,"123456789012345678901234567890123456","Heartbeat",{}]""", """[2,"123456789012345678901234567890123456","Heartbeat",{}]""" },
    };

    /// <summary>Wire, CALLERROR code, id to answer (null: nobody to answer), sentence.</summary>
    public static TheoryData<string, OcppErrorCode, string?, string> Malformed => new()
    {
        { "hello", OcppErrorCode.FormationViolation, null, "frame is not valid JSON ('h' is an invalid start of a value)" },
        { """[2,"abc","Heartbeat",{}""", OcppErrorCode.FormationViolation, "abc", "frame is not valid JSON (Expected depth to be zero at the end of the JSON payload)" },
        { """[2,"abc","Heartbeat",{"a":1,}]""", OcppErrorCode.FormationViolation, "abc", "frame is not valid JSON (The JSON object contains a trailing comma at the end which is not supported in this mode)" },
        { """{"messageType":2}""", OcppErrorCode.FormationViolation, null, "frame must be a JSON array but was an object" },
        { "[]", OcppErrorCode.FormationViolation, null, "frame must start with a message type number but started with nothing" },
        { """["2","x","Heartbeat",{}]""", OcppErrorCode.FormationViolation, null, "frame must start with a message type number but started with \"2\"" },
        { """[5,"x",{}]""", OcppErrorCode.MessageTypeNotSupported, null, "message type 5 is unknown (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR)" },
        { """[2,17,"Heartbeat",{}]""", OcppErrorCode.FormationViolation, null, "CALL must have a string message id but had 17" },
        { """[2]""", OcppErrorCode.FormationViolation, null, "CALL must have a string message id but had none" },
        { """[2,"1234567890123456789012345678901234567","Heartbeat",{}]""", OcppErrorCode.FormationViolation, "1234567890123456789012345678901234567", "message id \"1234567890123456789012345678901234567\" is 37 characters long, more than 36" },
        { """[2,"x",7,{}]""", OcppErrorCode.FormationViolation, "x", "CALL x must name its action as a string but had 7" },
        { """[2,"x"]""", OcppErrorCode.FormationViolation, "x", "CALL x must name its action as a string but had none" },
        { """[2,"x","Heartbeat"]""", OcppErrorCode.ProtocolError, "x", "CALL x (Heartbeat) has no payload" },
        { """[2,"x","Heartbeat",{},{}]""", OcppErrorCode.FormationViolation, "x", "CALL x (Heartbeat) has 5 elements instead of 4" },
        { """[2,"x","Heartbeat",[]]""", OcppErrorCode.FormationViolation, "x", "CALL x (Heartbeat) payload must be a JSON object but was an array" },
        { """[2,"x","Heartbeat","{}"]""", OcppErrorCode.FormationViolation, "x", "CALL x (Heartbeat) payload must be a JSON object but was a string" },
        { """[3,"x"]""", OcppErrorCode.FormationViolation, null, "CALLRESULT x has 2 elements instead of 3" },
        { """[3,"x",7]""", OcppErrorCode.FormationViolation, null, "CALLRESULT x payload must be a JSON object but was a number" },
        { """[4,"x",5,"d",{}]""", OcppErrorCode.FormationViolation, null, "CALLERROR x must be [4, id, errorCode, description, details] but had 5 elements and a non-string error code" },
    };

    [Theory, MemberData(nameof(Golden))]
    public void Golden_frame_reads_and_writes_back_unchanged(string name, string wire)
    {
        Assert.NotEmpty(name);
        Assert.Equal(wire, OcppCodec.Write(OcppCodec.Parse(wire)));
    }

    [Fact]
    public void Frames_are_read_into_their_parts()
    {
        var call = Assert.IsType<OcppCall>(OcppCodec.Parse("""[2,"19223201","BootNotification",{"chargePointVendor":"VendorX"}]"""));
        var error = Assert.IsType<OcppCallError>(OcppCodec.Parse("""[4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{"x":1}]"""));

        Assert.Equal(("19223201", "BootNotification", "VendorX"), (call.MessageId, call.Action, call.Payload.GetProperty("chargePointVendor").GetString()));
        Assert.Equal(("162376037", OcppErrorCode.NotSupported, "SetDisplayMessageRequest not implemented", 1), (error.MessageId, error.ErrorCode, error.Description, error.Details.GetProperty("x").GetInt32()));
    }

    [Fact]
    public void An_error_without_details_is_written_with_an_empty_object()
    {
        Assert.Equal("""[4,"9","GenericError","",{}]""", OcppCodec.Write(OcppCallError.Create("9", OcppErrorCode.GenericError, "")));
    }

    [Theory, MemberData(nameof(ParseOnly))]
    public void Lenient_readings_are_written_back_in_canonical_form(string name, string wire, string canonical)
    {
        Assert.NotEmpty(name);
        Assert.Equal(canonical, OcppCodec.Write(OcppCodec.Parse(wire)));
    }

    [Theory, MemberData(nameof(Malformed))]
    public void Malformed_frame_is_refused_with_its_callerror_code_and_a_sentence(string wire, OcppErrorCode code, string? answerTo, string sentence)
    {
        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.Parse(wire));

        Assert.Equal((code, sentence), (exception.ErrorCode, exception.Message));
        Assert.Equal(answerTo, exception.CanBeAnswered ? exception.MessageId : null);
    }

    [Fact]
    public void Invalid_utf8_is_refused_and_the_call_is_still_answerable()
    {
        var bytes = Encoding.UTF8.GetBytes("""[2,"u8","DataTransfer",{"vendorId":"?"}]""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.Parse(bytes));

        Assert.Equal((OcppErrorCode.FormationViolation, "frame is not valid UTF-8", "u8"), (exception.ErrorCode, exception.Message, exception.MessageId));
    }

    [Fact]
    public void Frame_above_the_limit_is_refused_before_it_is_read_and_the_call_is_still_answerable()
    {
        var wire = $$"""[2,"big","DataTransfer",{"vendorId":"v","data":"{{new string('x', 1000)}}"}]""";

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.Parse(wire, maxFrameBytes: 512));

        Assert.Equal((OcppErrorCode.FormationViolation, "big"), (exception.ErrorCode, exception.MessageId));
        Assert.Equal($"frame of {wire.Length} bytes is longer than the limit of 512 bytes", exception.Message);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_harm()
    {
        var wire = "[2,\"deep\",\"DataTransfer\"," + new string('[', 5000) + new string(']', 5000) + "]";

        var exception = Assert.Throws<OcppProtocolException>(() => OcppCodec.Parse(wire));

        Assert.Equal((OcppErrorCode.FormationViolation, "deep"), (exception.ErrorCode, exception.MessageId));
    }

    [Fact]
    public void Error_codes_are_written_in_the_16_spelling_and_read_in_both()
    {
        Assert.Equal("OccurenceConstraintViolation", OcppErrorCodes.ToWire(OcppErrorCode.OccurrenceConstraintViolation));
        Assert.Equal("FormationViolation", OcppErrorCodes.ToWire(OcppErrorCode.FormationViolation));
        Assert.All(Enum.GetValues<OcppErrorCode>(), code => Assert.Equal(code, OcppErrorCodes.FromWire(OcppErrorCodes.ToWire(code))));
        Assert.Equal(OcppErrorCode.OccurrenceConstraintViolation, OcppErrorCodes.FromWire("OccurrenceConstraintViolation"));
        Assert.Equal(OcppErrorCode.FormationViolation, OcppErrorCodes.FromWire("FormatViolation"));
    }

    [Fact]
    public void Secret_authorization_key_is_masked_in_log_text_and_nothing_else_is()
    {
        var secret = OcppCodec.Parse("""[2,"k","ChangeConfiguration",{"key":"AuthorizationKey","value":"4F43415F4F4354545F61646D696E5F74657374"}]""");
        var plain = OcppCodec.Parse("""[2,"k","ChangeConfiguration",{"key":"HeartbeatInterval","value":"300"}]""");

        Assert.Equal("""[2,"k","ChangeConfiguration",{"key":"AuthorizationKey","value":"***"}]""", OcppRedaction.ToLogText(secret));
        Assert.Equal(OcppCodec.Write(plain), OcppRedaction.ToLogText(plain));
        Assert.Equal(JsonValueKind.String, ((OcppCall)secret).Payload.GetProperty("value").ValueKind);
    }
}
