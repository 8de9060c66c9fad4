using OpenCpm.Control;

namespace OpenCpm.Api;

/// <summary>A node of the allocation: its tightest per-phase limit, the limit per phase and the setpoint sums.</summary>
internal sealed record NodeDto(string Id, double LimitA, PhaseCurrentsDto LimitPerPhaseA, double L1, double L2, double L3)
{
    public static NodeDto From(NodeSummary n) => new(
        n.Id,
        Math.Round(n.LimitA.Min, 2),
        PhaseCurrentsDto.From(n.LimitA),
        Math.Round(n.SetpointSumA.L1, 2),
        Math.Round(n.SetpointSumA.L2, 2),
        Math.Round(n.SetpointSumA.L3, 2));
}
