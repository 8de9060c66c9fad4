using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Tests.Control.Fakes;

/// <summary>One thing that happened at a fake station, with the totals right after it.</summary>
/// <param name="Sequence">Position in the journal (the order things happened).</param>
/// <param name="At">The fake time.</param>
/// <param name="Station">The charge point.</param>
/// <param name="Kind">A command sent, its acknowledgement, or a change of the current the vehicle draws.</param>
/// <param name="ValueA">The setpoint commanded or acknowledged, or the highest phase current drawn.</param>
/// <param name="OfferedSumA">After this entry: the sum per grid phase of what every station offers.</param>
/// <param name="DrawnSumA">After this entry: the sum per grid phase of what every vehicle draws.</param>
internal sealed record JournalEntry(int Sequence, DateTimeOffset At, string Station, JournalEntryKind Kind, double ValueA, PhaseCurrents OfferedSumA, PhaseCurrents DrawnSumA);
