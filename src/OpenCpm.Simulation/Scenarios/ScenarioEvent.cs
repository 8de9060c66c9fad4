namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioEvent
{
    public required double T { get; init; }

    /// <summary><c>meterOffline</c>, <c>chargePointOffline</c>, <c>siteLimit</c> or <c>chargePointLimit</c>.</summary>
    public required string Type { get; init; }

    public double? DurationSeconds { get; init; }

    public string? ChargePoint { get; init; }

    public double? MaxCurrentA { get; init; }
}
