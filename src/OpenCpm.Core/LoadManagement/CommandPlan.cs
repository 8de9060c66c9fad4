namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The setpoint changes of one allocation, in the order they must be sent: every reduction first; the increases
/// only once the reductions are acknowledged and the vehicles had time to follow (see <see cref="ReductionGate"/>).
/// Reused from cycle to cycle: valid until the next allocation.
/// </summary>
public sealed class CommandPlan
{
    private readonly List<SetpointChange> _reductions = [];
    private readonly List<SetpointChange> _increases = [];

    public IReadOnlyList<SetpointChange> Reductions => _reductions;

    public IReadOnlyList<SetpointChange> Increases => _increases;

    public bool IsEmpty => _reductions.Count == 0 && _increases.Count == 0;

    internal void Clear()
    {
        _reductions.Clear();
        _increases.Clear();
    }

    internal void Add(SetpointChange change) => (change.IsReduction ? _reductions : _increases).Add(change);

    /// <summary>Keeps the increases <paramref name="keep"/> says yes to, in order; returns how many were dropped.</summary>
    internal int KeepIncreases(Func<SetpointChange, bool> keep)
    {
        var before = _increases.Count;
        var kept = 0;
        for (var k = 0; k < before; k++)
        {
            if (keep(_increases[k]))
            {
                _increases[kept++] = _increases[k];
            }
        }

        _increases.RemoveRange(kept, before - kept);
        return before - kept;
    }
}
