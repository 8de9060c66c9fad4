namespace OpenCpm.LoopBench;

/// <summary>
/// One household step cycle: +step at 0, −step after the hold. Times in seconds after the step they follow;
/// A·s integrate the real grid current above the limit, or the capacity the setpoints left unused.
/// </summary>
/// <param name="Index">1-based number of the cycle.</param>
/// <param name="BeforeL1A">The L1 setpoint sum just before the +step.</param>
/// <param name="AcknowledgedS">Until status showed no pending reduction and the L1 setpoint sum down by ≥ 95 % of the step (null: not within the hold).</param>
/// <param name="MovedA">How far the L1 setpoint sum fell from just before the step to the end of the hold.</param>
/// <param name="LowestL1A">The lowest L1 setpoint sum during the hold (against <paramref name="BeforeL1A"/> − step).</param>
/// <param name="WastedUpAs">∫ max(0, before − step − L1 setpoint sum) over the hold: capacity taken away beyond the step.</param>
/// <param name="AboveLimitUpAs">∫ real grid current above the limit after the +step.</param>
/// <param name="LastAboveUpS">The last sample above the limit after the +step (null: none).</param>
/// <param name="MaxGridUpA">The highest real grid current on any phase after the +step.</param>
/// <param name="RecoveredS">After −step, until the L1 setpoint sum was back within 3 A of before (null: not within the hold).</param>
/// <param name="UnusedDownAs">∫ max(0, before − L1 setpoint sum) from −step until recovered (or the end of the hold).</param>
/// <param name="AboveLimitDownAs">∫ real grid current above the limit after the −step.</param>
/// <param name="LastAboveDownS">The last sample above the limit after the −step (null: none).</param>
/// <param name="SetpointCommands">Setpoint commands the stations received during the cycle.</param>
/// <param name="SetpointChanges">Changes of a station's commanded current during the cycle.</param>
public sealed record StepResult(
    int Index,
    double BeforeL1A,
    double? AcknowledgedS,
    double MovedA,
    double LowestL1A,
    double WastedUpAs,
    double AboveLimitUpAs,
    double? LastAboveUpS,
    double MaxGridUpA,
    double? RecoveredS,
    double UnusedDownAs,
    double AboveLimitDownAs,
    double? LastAboveDownS,
    long SetpointCommands,
    long SetpointChanges);
