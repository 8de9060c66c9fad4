using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The result of one allocation cycle: a setpoint per charge point (index = position in
/// <see cref="SiteSettings.ChargePoints"/>), why it is what it is, the loads per node, and the command plan.
/// Owned by the <see cref="Allocator"/> and reused: valid until its next call (copy what you keep).
/// </summary>
public sealed class Allocation
{
    internal Allocation(SiteModel model)
    {
        var n = model.ChargePoints.Length;
        SetpointA = new double[n];
        LimitedBy = new LimitReason[n];
        States = new ChargePointState[n];
        GridPhases = new PhaseSet[n];
        LearnedMinimumA = new double?[n];
        Site = new NodeLoad("site");
        Clusters = [.. model.Clusters.Select(c => new NodeLoad(c.Id))];
    }

    public DateTimeOffset At { get; internal set; }

    /// <summary>Setpoint in A per charge point: 0 or at least the minimum charging current.</summary>
    public double[] SetpointA { get; }

    public LimitReason[] LimitedBy { get; }

    /// <summary>The state to show: the driver's state, or <see cref="ChargePointState.Queued"/> when waiting in the queue.</summary>
    public ChargePointState[] States { get; }

    /// <summary>The grid phases each setpoint was counted on.</summary>
    public PhaseSet[] GridPhases { get; }

    public NodeLoad Site { get; }

    public IReadOnlyList<NodeLoad> Clusters { get; }

    /// <summary>Charge points waiting for current, head of the queue first.</summary>
    public IReadOnlyList<int> Queue => QueueList;

    public CommandPlan Plan { get; } = new();

    /// <summary>
    /// The minimum current learned in this session for the vehicle at each charge point, when it needs more than the
    /// minimum it was given (null = nothing learned). Worth remembering for its card (<see cref="VehicleMemory"/>).
    /// </summary>
    public double?[] LearnedMinimumA { get; }

    /// <summary>
    /// How far the currents reserved for unreachable stations alone exceed a limit (a site or cluster phase, or the
    /// unbalanced-load limit), in A; 0 when they fit. Nothing the controller can command away: worth an event.
    /// </summary>
    public double UnreachableReservedExcessA { get; internal set; }

    /// <summary>
    /// The grid phases on which the stations' reported currents add up to more than the meter measures: those reports
    /// are not trusted (the whole meter reading counts as household there). Worth an event: a station reports wrong
    /// currents, or someone sends forged reports.
    /// </summary>
    public PhaseSet ImplausibleStationCurrents { get; internal set; }

    /// <summary>
    /// The household load per grid phase this cycle counted with: the meter minus what the stations draw, as
    /// <see cref="HouseholdEstimator"/> estimates it (null without a meter reading).
    /// </summary>
    public PhaseCurrents? HouseholdA { get; internal set; }

    /// <summary>
    /// Increases left out of this cycle's <see cref="Plan"/> because a reduction they need is still on its way into the
    /// current a vehicle draws (they go out in a later cycle, once the freed current is seen gone).
    /// </summary>
    public int IncreasesHeldForReductions { get; internal set; }

    /// <summary>How many times the final safety check had to correct the allocation (always 0 unless there is a bug; each repair lowers as little as it can).</summary>
    public int SafetyCorrections { get; internal set; }

    internal List<int> QueueList { get; } = [];
}
