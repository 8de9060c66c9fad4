namespace OpenCpm.Protocols.Keba;

/// <summary><c>TCH-ERR…</c>: the station refused a command, e.g. <c>TCH-ERR:X2 : not allowed now</c>.</summary>
public sealed record KebaRejection(string Text) : KebaMessage;
