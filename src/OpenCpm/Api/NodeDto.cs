using OpenCpm.Control;

namespace OpenCpm.Api;

/// <summary>A node of the allocation: its tightest per-phase limit, the limit per phase and the setpoint sums.</summary>
internal sealed record NodeDto(string Id, double LimitA, PhaseCurrentsDto LimitPerPhaseA, double L1, double L2, double L3)
{
    public static NodeDto From(NodeSummary n) => new(
        n.Id,
        Rounding.Amperes(n.LimitA.Min),
        PhaseCurrentsDto.From(n.LimitA),
        Rounding.Amperes(n.SetpointSumA.L1),
        Rounding.Amperes(n.SetpointSumA.L2),
        Rounding.Amperes(n.SetpointSumA.L3));
}
