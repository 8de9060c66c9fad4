namespace OpenCpm.Api;

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
