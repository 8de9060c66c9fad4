namespace OpenCpm.Core.Configuration;

/// <summary>A <c>[NAME]</c> section and its entries in file order. Names and keys are compared ignoring case.</summary>
public sealed record IniSection(string Name, IReadOnlyList<IniEntry> Entries)
{
    public int Line { get; init; }

    /// <summary>Written as <c>;</c> lines above the section header; never read back.</summary>
    public string? Comment { get; init; }

    public IniEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
}
