using OpenCpm.Core.SmartCharging;

namespace OpenCpm.Core.Tests.SmartCharging;

/// <summary>Random profiles installed one after the other, a transaction on connector 1, and a composite window.</summary>
public sealed record ProfileCase(
    IReadOnlyList<(int ConnectorId, ChargingProfile Profile, DateTimeOffset InstalledAt)> Installs,
    SmartChargingContext Context,
    DateTimeOffset Start,
    int DurationS)
{
    public const double LocalLimitA = 40;

    /// <summary>The set after every install (those the rules refuse are left out, the replaced ones are gone).</summary>
    public ChargingProfileSet Set()
    {
        var set = ChargingProfileSet.Empty;
        foreach (var (connector, profile, at) in Installs)
        {
            set = set.Install(connector, profile, at, 2, Context.TransactionOn(connector), SmartChargingConfiguration.Default).Set;
        }

        return set;
    }

    public override string ToString() =>
        $"window {Start:O} + {DurationS} s, phases {Context.PhasesOf(1)}, tx {Context.TransactionOn(1)?.StartedAt:O}; " +
        string.Join(" | ", Installs.Select(i =>
            $"c{i.ConnectorId} #{i.Profile.Id} {i.Profile.Purpose} s{i.Profile.StackLevel} {i.Profile.Kind} {i.Profile.Recurrency} at {i.InstalledAt:O} " +
            $"start {i.Profile.Schedule.StartSchedule:O} dur {i.Profile.Schedule.DurationS} valid {i.Profile.ValidFrom:O}..{i.Profile.ValidTo:O} {i.Profile.Schedule.Unit} " +
            string.Join(",", i.Profile.Schedule.Periods.Select(p => $"{p.StartPeriodS}:{p.Limit}"))));
}
