using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Tests.Control.Fakes;

/// <summary>
/// Every setpoint command sent to the fake stations and every change of the current their vehicles draw, in the
/// order they happened (with the fake time), so a test can check each one rather than samples.
/// </summary>
internal sealed class StationJournal
{
    private readonly Lock _lock = new();
    private readonly List<JournalEntry> _entries = [];
    private readonly Dictionary<string, PhaseCurrents> _drawn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _offered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhaseSet> _phases = new(StringComparer.Ordinal);

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The station <paramref name="station"/> was told <paramref name="setpointA"/> (it holds it from now on).</summary>
    public void Commanded(string station, double setpointA, PhaseSet wired, DateTimeOffset at)
    {
        lock (_lock)
        {
            _offered[station] = setpointA;
            _phases[station] = wired;
            _entries.Add(new JournalEntry(_entries.Count, at, station, JournalEntryKind.Command, setpointA, SumOfOffered(), SumOfDrawn()));
        }
    }

    public void Acknowledged(string station, double setpointA, DateTimeOffset at)
    {
        lock (_lock)
        {
            _entries.Add(new JournalEntry(_entries.Count, at, station, JournalEntryKind.Acknowledge, setpointA, SumOfOffered(), SumOfDrawn()));
        }
    }

    /// <summary>The vehicle at <paramref name="station"/> now draws <paramref name="drawnA"/> on the grid phases.</summary>
    public void Drawn(string station, PhaseCurrents drawnA, DateTimeOffset at)
    {
        lock (_lock)
        {
            _drawn[station] = drawnA;
            _entries.Add(new JournalEntry(_entries.Count, at, station, JournalEntryKind.Draw, drawnA.Max, SumOfOffered(), SumOfDrawn()));
        }
    }

    private PhaseCurrents SumOfDrawn() => _drawn.Values.Aggregate(PhaseCurrents.Zero, (sum, d) => sum + d);

    /// <summary>What every station currently offers, on the grid phases it is wired to (the worst case its vehicle may take).</summary>
    private PhaseCurrents SumOfOffered() =>
        _offered.Aggregate(PhaseCurrents.Zero, (sum, o) => sum + PhaseCurrents.On(_phases[o.Key], o.Value));
}
