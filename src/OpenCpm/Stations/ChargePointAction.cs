namespace OpenCpm.Stations;

/// <summary>What an operator can do to a charge point (manual 8.1.1, Actions).</summary>
internal enum ChargePointAction
{
    Start,
    Stop,
    Restart,
    Unlock,
}
