namespace OpenCpm.Security;

internal enum RecoveryOutcome
{
    Done,
    WrongKey,
    Throttled,
    BadPassword,
}
