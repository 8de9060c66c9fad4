namespace OpenCpm.Protocols.Keba;

/// <summary>The reply to <c>i</c>: the firmware string, sent as a key/value pair without braces.</summary>
public sealed record KebaFirmwareInfo(string Firmware) : KebaMessage;
