namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingProfile, used in RemoteStartTransaction.req, SetChargingProfile.req.</summary>
public sealed record ChargingProfile
{
    public required int ChargingProfileId { get; init; }

    public int? TransactionId { get; init; }

    public required int StackLevel { get; init; }

    public required ChargingProfilePurposeType ChargingProfilePurpose { get; init; }

    public required ChargingProfileKindType ChargingProfileKind { get; init; }

    public RecurrencyKindType? RecurrencyKind { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public required ChargingSchedule ChargingSchedule { get; init; }
}
