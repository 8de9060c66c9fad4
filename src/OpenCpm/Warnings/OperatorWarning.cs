using OpenCpm.Data;

namespace OpenCpm.Warnings;

/// <summary>
/// A condition the operator should know about while it lasts (a lost meter, a station that does not answer…): written
/// to the event log once when it appears, and once more with <see cref="ClearedMessage"/> when it has been gone for
/// <see cref="ClearAfter"/>. Conditions are told apart by <see cref="Key"/>: while one with the same key lasts, nothing
/// more is written, whatever its message says meanwhile.
/// </summary>
internal sealed record OperatorWarning(string Key, EventSeverity Level, string Source, string Message, string ClearedMessage)
{
    /// <summary>How long the condition must be gone before it counts as cleared (figures of one cycle come and go).</summary>
    public TimeSpan ClearAfter { get; init; }
}
