using System.Text.Json.Serialization;

namespace OpenCpm.Security;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WebUiCertificateState))]
internal sealed partial class WebUiCertificateStateJson : JsonSerializerContext;
