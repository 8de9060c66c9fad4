namespace OpenCpm.Api;

/// <summary>The optional body of a charge point action (the RFID tag to start or stop with).</summary>
internal sealed record ActionRequest(string? IdTag);
