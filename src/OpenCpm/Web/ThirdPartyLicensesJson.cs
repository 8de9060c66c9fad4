using System.Text.Json.Serialization;

namespace OpenCpm.Web;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ThirdPartyLicenses))]
internal sealed partial class ThirdPartyLicensesJson : JsonSerializerContext;
