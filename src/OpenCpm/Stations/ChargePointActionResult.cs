namespace OpenCpm.Stations;

/// <summary>How an operator's action on a charge point ended, with a sentence for anything but success.</summary>
internal sealed record ChargePointActionResult(ChargePointActionOutcome Outcome, string? Message = null)
{
    public static ChargePointActionResult Done { get; } = new(ChargePointActionOutcome.Done);
}
