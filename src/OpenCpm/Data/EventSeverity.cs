namespace OpenCpm.Data;

/// <summary>How important an event-log entry is.</summary>
internal enum EventSeverity
{
    Info,
    Warning,
    Error,
}
