using System.Text.Json;
using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>
/// Differential test of our schema checks against ocpp-rpc's (ajv with its bundled OCPP 1.6 schemas): for every message
/// of OCPP 1.6 and the whitepaper, a full payload and some 1,400 mutants must get the same verdict from both, and where
/// ajv blames a missing field or a wrong type we give the same CALLERROR code.
/// </summary>
public sealed class OcppSchemaAgreementTests
{
    [Fact]
    public async Task Our_validator_and_ocpp_rpc_agree_on_every_sample()
    {
        await using var peer = await OcppRpcPeer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var samples = OcppSchemaSamples.All().ToList();

        var verdicts = await peer.ValidateAsync(samples.Select(s => (s.Schema, (System.Text.Json.Nodes.JsonNode)s.Payload)));

        var disagreements = new List<string>();
        var codes = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var (schema, name, payload) = samples[i];
            var theirs = verdicts[i];
            var ours = Ours(schema, payload);
            var theirsValid = theirs.GetProperty("valid").GetBoolean();
            if (theirsValid != ours is null)
            {
                disagreements.Add($"{schema} {name}: ocpp-rpc {(theirsValid ? "accepts" : "refuses (" + theirs.GetProperty("message").GetString() + ")")}, we {(ours is null ? "accept" : "refuse (" + ours.Message + ")")}");
                continue;
            }

            var expected = theirsValid ? null : theirs.GetProperty("keyword").GetString() switch
            {
                "required" => (OcppErrorCode?)OcppErrorCode.OccurrenceConstraintViolation,
                "type" => OcppErrorCode.TypeConstraintViolation,
                _ => null,
            };
            if (expected is { } code && ours!.ErrorCode != code)
            {
                codes.Add($"{schema} {name}: ocpp-rpc says {theirs.GetProperty("keyword").GetString()}, we say {ours.ErrorCode} ({ours.Message})");
            }
        }

        Assert.True(samples.Count > 1000, $"only {samples.Count} samples");
        Assert.True(samples.Count(s => s.Name == "full") == 78, "a full sample for each of the 78 messages");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {samples.Count} verdicts differ:\n{string.Join("\n", disagreements.Take(40))}");
        Assert.True(codes.Count == 0, $"{codes.Count} codes differ:\n{string.Join("\n", codes.Take(40))}");
        Assert.Empty(peer.Failures);
    }

    private static OcppProtocolException? Ours(string schema, System.Text.Json.Nodes.JsonObject payload)
    {
        var action = OcppSchemaSamples.Action(schema);
        var request = schema.EndsWith(".req", StringComparison.Ordinal);
        try
        {
            OcppCodec.ReadPayload(JsonDocument.Parse(payload.ToJsonString()).RootElement, request ? action.RequestInfo : action.ResponseInfo, schema);
            return null;
        }
        catch (OcppProtocolException exception)
        {
            return exception;
        }
    }
}
