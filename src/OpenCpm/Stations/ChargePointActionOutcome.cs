namespace OpenCpm.Stations;

internal enum ChargePointActionOutcome
{
    Done,
    NoSuchChargePoint,
    NoDriver,
    Unsupported,
    Refused,
    TimedOut,
}
