namespace OpenCpm.Tests.Control.Fakes;

internal enum JournalEntryKind
{
    Command,
    Acknowledge,
    Draw,
}
