namespace OpenCpm.Control;

/// <summary>
/// Why the control loop could not take the stored settings in (the validator's sentences, naming the bad settings),
/// and whether it still runs on the last valid ones (<paramref name="LastValidKept"/>) or commands nothing at all, so
/// that the stations fall back to their failsafe currents.
/// </summary>
internal sealed record SettingsProblem(string Reason, bool LastValidKept);
