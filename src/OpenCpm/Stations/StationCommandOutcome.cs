namespace OpenCpm.Stations;

public enum StationCommandOutcome
{
    Accepted,
    Rejected,
    Unsupported,
    TimedOut,
}
