namespace OpenCpm.Warnings;

/// <summary>A condition raised and not cleared yet, with the moment it was raised (GET /api/v1/status lists them).</summary>
internal sealed record ActiveWarning(OperatorWarning Warning, DateTimeOffset Since);
