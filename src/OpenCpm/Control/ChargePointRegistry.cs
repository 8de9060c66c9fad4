namespace OpenCpm.Control;

/// <summary>
/// The live list of charge points (configuration order) with change notifications. The controller loop replaces
/// the list when the configuration changes; readers get an immutable snapshot.
/// </summary>
internal sealed class ChargePointRegistry
{
    private IReadOnlyList<ChargePointEntry> _entries = [];

    /// <summary>Raised after each control cycle and after the list changes (handlers must be quick).</summary>
    public event Action? Changed;

    public IReadOnlyList<ChargePointEntry> Entries => Volatile.Read(ref _entries);

    /// <summary>The site allocation of the last cycle (sums and limits per node).</summary>
    public AllocationSummary Allocation { get; private set; } = AllocationSummary.Empty;

    public ChargePointEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    public void Replace(IReadOnlyList<ChargePointEntry> entries)
    {
        Volatile.Write(ref _entries, entries);
        Changed?.Invoke();
    }

    public void Publish(AllocationSummary allocation)
    {
        Allocation = allocation;
        Changed?.Invoke();
    }
}
