namespace OpenCpm.Web;

/// <summary>A license or notice file of a package: its name and the index of its text.</summary>
internal sealed record ThirdPartyText(string Name, int Text);
