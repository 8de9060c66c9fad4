namespace OpenCpm.Protocols.Keba;

/// <summary><c>TCH-OK :done</c>: the station received a command (not that it applied it).</summary>
public sealed record KebaAcknowledge(string Text = "TCH-OK :done") : KebaMessage;
