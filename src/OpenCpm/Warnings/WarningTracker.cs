using OpenCpm.Data;

namespace OpenCpm.Warnings;

/// <summary>
/// Turns the conditions present at each moment into events on their transitions only: a condition is raised when its
/// key first appears and cleared when the key has been absent for the condition's <see cref="OperatorWarning.ClearAfter"/>
/// — never once per cycle, however often it is seen. Not thread-safe: one caller at a time.
/// </summary>
internal sealed class WarningTracker
{
    private readonly Dictionary<string, (OperatorWarning Warning, DateTimeOffset Since, DateTimeOffset? GoneSince)> _active = new(StringComparer.Ordinal);

    /// <summary>The keys of the conditions raised and not cleared yet.</summary>
    public IReadOnlyCollection<string> ActiveKeys => _active.Keys;

    /// <summary>The conditions raised and not cleared yet, the oldest first, each as it was raised.</summary>
    public IReadOnlyList<ActiveWarning> Active => [.. _active.Values.OrderBy(a => a.Since).Select(a => new ActiveWarning(a.Warning, a.Since))];

    /// <summary>The events for the conditions <paramref name="present"/> at <paramref name="now"/>: new ones raised, long gone ones cleared.</summary>
    public IReadOnlyList<OperatorEvent> Update(IEnumerable<OperatorWarning> present, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(present);
        var events = new List<OperatorEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var warning in present)
        {
            if (!seen.Add(warning.Key))
            {
                continue;
            }

            if (_active.TryGetValue(warning.Key, out var active))
            {
                _active[warning.Key] = (active.Warning, active.Since, null);
            }
            else
            {
                _active[warning.Key] = (warning, now, null);
                events.Add(new OperatorEvent(warning.Level, warning.Source, warning.Message));
            }
        }

        foreach (var (key, active) in _active.Where(a => !seen.Contains(a.Key)).ToList())
        {
            var goneSince = active.GoneSince ?? now;
            if (now - goneSince >= active.Warning.ClearAfter)
            {
                _active.Remove(key);
                events.Add(new OperatorEvent(EventSeverity.Info, active.Warning.Source, active.Warning.ClearedMessage));
            }
            else if (active.GoneSince is null)
            {
                _active[key] = (active.Warning, active.Since, goneSince);
            }
        }

        return events;
    }

    /// <summary>Drops the conditions whose key matches without an event (what they were about no longer exists).</summary>
    public void Forget(Func<string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var key in _active.Keys.Where(matches).ToList())
        {
            _active.Remove(key);
        }
    }
}
