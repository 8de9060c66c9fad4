namespace OpenCpm.Api;

/// <summary>A page of a list: <c>items</c>, <c>page</c>, <c>pageSize</c>, <c>total</c>.</summary>
internal sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
