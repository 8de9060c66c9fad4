namespace OpenCpm.Protocols.Keba;

/// <summary>The payload <c>i</c>: our own discovery broadcast received back (or another controller's).</summary>
public sealed record KebaIdentifyEcho : KebaMessage;
