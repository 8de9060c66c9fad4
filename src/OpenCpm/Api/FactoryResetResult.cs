namespace OpenCpm.Api;

/// <summary>The first-login password of the fresh <c>admin</c> (to change at first login); the controller restarts after answering.</summary>
internal sealed record FactoryResetResult(string FirstLoginPassword, string Message);
