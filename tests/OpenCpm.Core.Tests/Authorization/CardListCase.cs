using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

/// <summary>A random valid card list, shown as its CSV when a property fails.</summary>
public sealed record CardListCase(CardList List)
{
    public override string ToString() => Environment.NewLine + CardCsv.Export(List);
}
