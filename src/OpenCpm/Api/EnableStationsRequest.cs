namespace OpenCpm.Api;

/// <summary>The charge points to enable after a power failure; empty or absent = all held.</summary>
internal sealed record EnableStationsRequest(IReadOnlyList<string>? ChargePoints);
