using OpenCpm.Backend;
using OpenCpm.Meter;

namespace OpenCpm.Control;

/// <summary>
/// The site as the control loop saw and decided it at the end of one cycle: every charge point, the allocation per
/// node, the grid meter, the backend link, the loop's own figures. Immutable; published on
/// <see cref="SiteSnapshots"/> after each cycle, read by the API and the UI.
/// </summary>
internal sealed record SiteSnapshot
{
    public static SiteSnapshot Empty { get; } = new()
    {
        ChargePoints = [],
        Allocation = AllocationSummary.Empty,
        Meter = GridMeterSnapshot.NotConfigured,
        Backend = BackendStatus.NotConfigured,
        Controller = ControllerStatistics.None,
    };

    public DateTimeOffset? At { get; init; }

    /// <summary>In configuration order.</summary>
    public required IReadOnlyList<ChargePointSnapshot> ChargePoints { get; init; }

    public required AllocationSummary Allocation { get; init; }

    public required GridMeterSnapshot Meter { get; init; }

    public required BackendStatus Backend { get; init; }

    public required ControllerStatistics Controller { get; init; }

    public ChargePointSnapshot? Find(string id) => ChargePoints.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
