namespace OpenCpm.Core.Configuration;

/// <summary>
/// One <c>Variable = Value</c> line of a configuration file: the value as written (outer quotes removed), the line it
/// was read from (0 for an entry built to be written) and a comment written above it.
/// </summary>
public sealed record IniEntry(string Key, string Value)
{
    public int Line { get; init; }

    /// <summary>Written as a <c>;</c> line above the entry; never read back.</summary>
    public string? Comment { get; init; }
}
