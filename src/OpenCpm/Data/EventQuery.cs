namespace OpenCpm.Data;

/// <summary>Filters for the event log: time in [From, To), at least <see cref="MinLevel"/>, from <see cref="Source"/>.</summary>
internal sealed record EventQuery
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public EventSeverity? MinLevel { get; init; }

    public string? Source { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 100;
}
