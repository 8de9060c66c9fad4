namespace OpenCpm.Api;

/// <summary>A site file applied: how many charge points and clusters the site now has, and the risks the validator found (accepted).</summary>
internal sealed record SiteFileResult(int ChargePoints, int Clusters, IReadOnlyList<string> Warnings);
