namespace OpenCpm.Stations;

internal enum ChargePointActionOutcome
{
    Done,
    NoSuchChargePoint,
    Invalid,
    NoDriver,
    Unsupported,
    Refused,
    TimedOut,
}
