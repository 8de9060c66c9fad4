namespace OpenCpm.Api;

/// <summary>How many stations a search added.</summary>
internal sealed record DiscoveryResultDto(int Added);
