namespace OpenCpm.Data;

/// <summary>
/// Which charge points are out of service (OCPP ChangeAvailability Inoperative; kept across restarts, as OCPP
/// requires), and the changes scheduled for the end of a running transaction. The control loop gives a charge point
/// out of service no current.
/// </summary>
internal sealed record AvailabilitySettings : ISettingsDocument<AvailabilitySettings>
{
    public static string Key => "availability";

    public static AvailabilitySettings Default { get; } = new();

    /// <summary>The whole network is out of service (connector 0).</summary>
    public bool NetworkOutOfService { get; init; }

    /// <summary>Charge point ids out of service now.</summary>
    public IReadOnlyList<string> OutOfService { get; init; } = [];

    /// <summary>Charge point ids to take out of service once their transaction ends.</summary>
    public IReadOnlyList<string> ScheduledOutOfService { get; init; } = [];

    /// <summary>Charge point ids to put back in service once their transaction ends.</summary>
    public IReadOnlyList<string> ScheduledInService { get; init; } = [];

    public bool IsOutOfService(string chargePointId) => OutOfService.Contains(chargePointId, StringComparer.Ordinal);

    public IReadOnlyList<string> Validate() =>
        OutOfService.Concat(ScheduledOutOfService).Concat(ScheduledInService).Any(string.IsNullOrWhiteSpace)
            ? ["A charge point id in the availability settings is empty."]
            : [];
}
