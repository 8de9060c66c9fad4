namespace OpenCpm.Api;

/// <summary>What the controller does after answering.</summary>
internal sealed record RestartResult(string Message);
