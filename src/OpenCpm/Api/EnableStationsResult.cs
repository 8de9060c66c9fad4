namespace OpenCpm.Api;

/// <summary>The charge points that were held and are enabled now.</summary>
internal sealed record EnableStationsResult(IReadOnlyList<string> Enabled);
