namespace OpenCpm.Data;

/// <summary>One page of a longer list; <see cref="Total"/> counts all matching items.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
