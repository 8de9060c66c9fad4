namespace OpenCpm.Core.Configuration;

/// <summary>A display text as it will be shown, the reserved units taken out of it, and why it can't be shown (null when it can).</summary>
public sealed record DisplayTextCheck(string Text, IReadOnlyList<string> RemovedUnits, string? Problem)
{
    public bool IsValid => Problem is null;
}
