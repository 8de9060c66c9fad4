namespace OpenCpm.Api;

/// <summary>The grid meter in the status document.</summary>
internal sealed record MeterStatusDto(string State, string? Profile, PhaseCurrentsDto? CurrentA, DateTimeOffset? ReadAt, string? LastError);
