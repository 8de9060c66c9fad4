namespace OpenCpm.Maintenance;

/// <summary>The part of the event log an archive holds: entries in [<see cref="From"/>, <see cref="To"/>), each end open when null.</summary>
internal sealed record LogPeriod(DateTimeOffset? From, DateTimeOffset? To)
{
    public static LogPeriod All { get; } = new(null, null);

    public override string ToString() => (From, To) switch
    {
        (null, null) => "all entries",
        ({ } from, null) => $"entries from {from.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC on",
        (null, { } to) => $"entries before {to.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
        ({ } from, { } to) => $"entries from {from.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC to before {to.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
    };
}
