namespace OpenCpm.Core.LoadManagement;

/// <summary>The clusters read from a CSV file, or the problems (each naming its line) when it could not be read.</summary>
public sealed record ClusterCsvResult(IReadOnlyList<ClusterSettings> Clusters, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
