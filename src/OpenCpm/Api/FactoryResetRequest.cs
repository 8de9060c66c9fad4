namespace OpenCpm.Api;

/// <summary>The caller's current password and an explicit confirmation.</summary>
internal sealed record FactoryResetRequest(string? Password, bool Confirm);
