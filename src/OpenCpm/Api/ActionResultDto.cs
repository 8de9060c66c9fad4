namespace OpenCpm.Api;

/// <summary>What happened to a charge point action.</summary>
internal sealed record ActionResultDto(string ChargePoint, string Action, string Outcome);
