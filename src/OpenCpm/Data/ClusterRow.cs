namespace OpenCpm.Data;

internal sealed class ClusterRow
{
    public required string Id { get; set; }

    /// <summary>Keeps the operator's order.</summary>
    public int Position { get; set; }

    public double MaxCurrentA { get; set; }

    /// <summary>Feeding grid phases as a bit mask (bit 0 = L1), as in PhaseSet.</summary>
    public int PhasesMask { get; set; }

    public double? MinChargingCurrentA { get; set; }
}
