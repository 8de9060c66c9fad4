namespace OpenCpm.Protocols.Keba;

/// <summary>A <c>started …</c> text some stations send after booting (not in KEBA's guide).</summary>
public sealed record KebaStartupNotice(string Text) : KebaMessage;
