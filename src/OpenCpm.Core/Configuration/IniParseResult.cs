namespace OpenCpm.Core.Configuration;

/// <summary>The file read, or why it can't be (every problem found, in line order).</summary>
public sealed record IniParseResult(IniDocument? Document, IReadOnlyList<IniProblem> Problems)
{
    public bool IsValid => Document is not null;
}
