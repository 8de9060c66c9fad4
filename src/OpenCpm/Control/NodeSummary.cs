using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Control;

/// <summary>A node's limit and sum of setpoints per phase.</summary>
internal sealed record NodeSummary(string Id, PhaseCurrents LimitA, PhaseCurrents SetpointSumA);
