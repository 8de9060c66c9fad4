namespace OpenCpm.LoopBench;

/// <summary>What one run of the live-loop bench does (see <see cref="Program"/> for the command line).</summary>
public sealed record LoopBenchOptions
{
    /// <summary>Simulated KEBA P30 stations, each with a three-phase 32 A vehicle plugged in.</summary>
    public int Stations { get; init; } = 200;

    /// <summary>Length of the window with a constant household load.</summary>
    public TimeSpan ConstantWindow { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Length of the window after the constant one in which nobody asks the controller's API anything.</summary>
    public TimeSpan QuietWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Household step cycles (+step, wait, −step, wait).</summary>
    public int Steps { get; init; } = 5;

    /// <summary>Household step on every phase.</summary>
    public double StepA { get; init; } = 60;

    /// <summary>How long each half of a step cycle lasts.</summary>
    public TimeSpan StepHold { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Household load on each phase as a share of the site limit (unless <see cref="HouseholdA"/> is given).</summary>
    public double HouseholdShare { get; init; } = 0.4;

    /// <summary>Household load on each phase in amperes; overrides <see cref="HouseholdShare"/>.</summary>
    public double? HouseholdA { get; init; }

    /// <summary>Least time between plugging the vehicles in and the first window.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Second byte of the loopback addresses: stations on 127.B.(k / 200).(11 + k % 200), the controller's KEBA socket on
    /// 127.B.255.1. Not 0 by default, so that an `opencpm demo` on the same machine (127.0.0.x) does not collide.
    /// </summary>
    public byte LoopbackBlock { get; init; } = 19;

    /// <summary>The controller's build output (opencpm.dll).</summary>
    public required string ControllerDll { get; init; }

    /// <summary>Where to write the results as JSON, or null.</summary>
    public string? JsonPath { get; init; }
}
