using System.Text.Json;

namespace OpenCpm.Web;

/// <summary>
/// The third-party licenses of the shipped packages, as the build wrote them from the packages themselves
/// (eng/ThirdPartyLicenses.targets, embedded as <see cref="ResourceName"/>): read once, when the Licenses page opens.
/// </summary>
internal sealed record ThirdPartyLicenses(IReadOnlyList<ThirdPartyPackage> Packages, IReadOnlyList<string> Texts)
{
    public const string ResourceName = "OpenCpm.ThirdPartyLicenses.json";

    private static readonly Lazy<ThirdPartyLicenses> Shipped = new(Load);

    public static ThirdPartyLicenses Current => Shipped.Value;

    private static ThirdPartyLicenses Load()
    {
        using var stream = typeof(ThirdPartyLicenses).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build did not embed {ResourceName}.");
        return JsonSerializer.Deserialize(stream, ThirdPartyLicensesJson.Default.ThirdPartyLicenses)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
    }
}
