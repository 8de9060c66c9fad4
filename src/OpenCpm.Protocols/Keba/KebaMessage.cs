namespace OpenCpm.Protocols.Keba;

/// <summary>One datagram a KEBA station sends: a report, an acknowledgement, a push message or the firmware info.</summary>
public abstract record KebaMessage;
