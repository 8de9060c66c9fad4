namespace OpenCpm.Data;

/// <summary>The card list's own data: its version (the OCPP local list version).</summary>
internal sealed class CardListRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int Version { get; set; }
}
