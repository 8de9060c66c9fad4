namespace OpenCpm.Core.Configuration;

/// <summary>A configuration file (manual chapter 7): sections in file order, and the comment lines at its top.</summary>
public sealed record IniDocument(IReadOnlyList<IniSection> Sections)
{
    public string? Comment { get; init; }

    public IniSection? Find(string name) => Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
