namespace OpenCpm.Stations;

/// <summary>A driver, or why a charge point can't have one.</summary>
internal sealed record StationDriverResult(IStationDriver? Driver, string? Problem)
{
    public static StationDriverResult Of(IStationDriver driver) => new(driver, null);

    public static StationDriverResult None(string problem) => new(null, problem);
}
