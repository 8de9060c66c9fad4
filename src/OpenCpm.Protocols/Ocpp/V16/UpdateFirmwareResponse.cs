namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UpdateFirmware.conf: the answer to <see cref="UpdateFirmwareRequest"/>.</summary>
public sealed record UpdateFirmwareResponse;
