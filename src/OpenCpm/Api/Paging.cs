namespace OpenCpm.Api;

/// <summary>Checks the common query parameters of list calls.</summary>
internal static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>Null when page, page size and time range are fine, else a sentence naming the bad parameter.</summary>
    public static string? Check(int page, int pageSize, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (page < 1)
        {
            return FormattableString.Invariant($"The query parameter 'page' must be 1 or more but is {page}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return FormattableString.Invariant($"The query parameter 'pageSize' must be 1..{MaxPageSize} but is {pageSize}.");
        }

        return from > to ? "The query parameter 'from' must not be after 'to'." : null;
    }
}
