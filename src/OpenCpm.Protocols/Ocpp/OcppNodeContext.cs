using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Source-generated metadata for the few untyped JSON values the OCPP layer builds itself.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class OcppNodeContext : JsonSerializerContext;
