namespace OpenCpm.Api;

/// <summary>Whose password was set, and the first-login password when one was made.</summary>
internal sealed record RecoverResponse(string Username, string? FirstLoginPassword);
