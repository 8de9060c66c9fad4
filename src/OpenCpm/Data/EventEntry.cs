namespace OpenCpm.Data;

/// <summary>One entry of the event log shown to the operator.</summary>
internal sealed record EventEntry(long Id, DateTimeOffset Time, EventSeverity Level, string Source, string Message);
