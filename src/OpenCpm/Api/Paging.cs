namespace OpenCpm.Api;

/// <summary>Checks the common query parameters of list calls.</summary>
internal static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>The last page one may ask for: (page − 1) × page size stays far from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The longest text filter (a charge point id, a card, an event source).</summary>
    public const int MaxFilterLength = 64;

    /// <summary>Null when page, page size and time range are fine, else a sentence naming the bad parameter.</summary>
    public static string? Check(int page, int pageSize, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (page is < 1 or > MaxPage)
        {
            return FormattableString.Invariant($"The query parameter 'page' must be 1..{MaxPage} but is {page}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return FormattableString.Invariant($"The query parameter 'pageSize' must be 1..{MaxPageSize} but is {pageSize}.");
        }

        return from > to ? "The query parameter 'from' must not be after 'to'." : null;
    }

    /// <summary>Null when every text filter is at most <see cref="MaxFilterLength"/> characters, else a sentence naming the first that is not.</summary>
    public static string? CheckFilters(params ReadOnlySpan<(string Name, string? Value)> filters)
    {
        foreach (var (name, value) in filters)
        {
            if (value is { Length: > MaxFilterLength })
            {
                return FormattableString.Invariant($"The query parameter '{name}' may have at most {MaxFilterLength} characters but has {value.Length}.");
            }
        }

        return null;
    }
}
