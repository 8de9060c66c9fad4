namespace OpenCpm.Data;

/// <summary>Filters for charging sessions: started in [From, To), by card (id tag) and charge point; pages count from 1.</summary>
internal sealed record SessionQuery
{
    public const int MaxPageSize = 500;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Card { get; init; }

    public string? ChargePoint { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
