using OpenCpm.Data;

namespace OpenCpm.Warnings;

/// <summary>One entry for the event log, as <see cref="OperatorWarnings"/> writes it.</summary>
internal sealed record OperatorEvent(EventSeverity Level, string Source, string Message);
