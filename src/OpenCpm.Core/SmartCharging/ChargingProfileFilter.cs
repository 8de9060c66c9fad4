namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// Which profiles ClearChargingProfile removes: the one with <see cref="Id"/>, else every profile matching all the
/// other fields given; no field = all of them.
/// </summary>
public sealed record ChargingProfileFilter
{
    public static ChargingProfileFilter All { get; } = new();

    public int? Id { get; init; }

    public int? ConnectorId { get; init; }

    public ChargingProfilePurpose? Purpose { get; init; }

    public int? StackLevel { get; init; }

    public bool Matches(InstalledChargingProfile installed)
    {
        ArgumentNullException.ThrowIfNull(installed);
        if (Id is { } id)
        {
            return installed.Profile.Id == id;
        }

        return (ConnectorId is not { } connector || installed.ConnectorId == connector)
            && (Purpose is not { } purpose || installed.Profile.Purpose == purpose)
            && (StackLevel is not { } level || installed.Profile.StackLevel == level);
    }
}
