namespace OpenCpm.Web;

/// <summary>One shipped package: who made it, under which license, and the license and notice files it carries (indexes into <see cref="ThirdPartyLicenses.Texts"/>).</summary>
internal sealed record ThirdPartyPackage(
    string Id, string Version, string? Authors, string? Copyright, string? License, string? LicenseUrl, string? ProjectUrl, IReadOnlyList<ThirdPartyText> Texts);
