namespace OpenCpm.Data;

internal sealed class EventRow
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public EventSeverity Level { get; set; }

    public required string Source { get; set; }

    public required string Message { get; set; }
}
