namespace OpenCpm.Api;

internal sealed record LoginRequest(string? Username, string? Password);
