namespace OpenCpm.Core.SmartCharging;

/// <summary>A charging profile as the backend sent it (OCPP 1.6 ChargingProfile, units in names).</summary>
public sealed record ChargingProfile
{
    public required int Id { get; init; }

    /// <summary>The transaction a <see cref="ChargingProfilePurpose.TxProfile"/> belongs to.</summary>
    public int? TransactionId { get; init; }

    /// <summary>Among profiles of one purpose in force, the highest stack level wins.</summary>
    public required int StackLevel { get; init; }

    public required ChargingProfilePurpose Purpose { get; init; }

    public required ChargingProfileKind Kind { get; init; }

    public RecurrencyKind? Recurrency { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public required ChargingSchedule Schedule { get; init; }

    /// <summary>Whether the profile is valid at <paramref name="at"/> (validFrom ≤ at &lt; validTo).</summary>
    public bool IsValidAt(DateTimeOffset at) => (ValidFrom is not { } from || from <= at) && (ValidTo is not { } to || at < to);
}
