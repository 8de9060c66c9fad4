using System.Globalization;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Api;

/// <summary>
/// POST /api/v1/sim/chargepoints/{id}/plug: the vehicle to plug in. Absent fields take the defaults of a typical
/// car (3 phases, 16 A, 60 kWh, from 30 % to 90 %). States of charge are fractions 0…1.
/// </summary>
internal sealed record SimPlugRequest(int? Phases, double? MaxCurrentA, double? BatteryWh, double? InitialSoc, double? TargetSoc)
{
    public const double MinCurrentA = 6;
    public const double MaxCurrentLimitA = 80;
    public const double MaxBatteryWh = 300_000;

    /// <summary>What is wrong, one sentence per field naming it; empty when the vehicle can be plugged in.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Phases is { } phases && phases is < 1 or > 3)
        {
            problems.Add(F($"'phases' must be 1, 2 or 3 but was {phases}."));
        }

        if (MaxCurrentA is { } max && !(max >= MinCurrentA && max <= MaxCurrentLimitA))
        {
            problems.Add(F($"'maxCurrentA' must be between {MinCurrentA} and {MaxCurrentLimitA} A but was {max}."));
        }

        if (BatteryWh is { } battery && !(battery > 0 && battery <= MaxBatteryWh))
        {
            problems.Add(F($"'batteryWh' must be more than 0 and at most {MaxBatteryWh} Wh but was {battery}."));
        }

        if (InitialSoc is { } initial && !(initial is >= 0 and <= 1))
        {
            problems.Add(F($"'initialSoc' must be a fraction between 0 and 1 but was {initial}."));
        }

        if (TargetSoc is { } target && !(target is >= 0 and <= 1))
        {
            problems.Add(F($"'targetSoc' must be a fraction between 0 and 1 but was {target}."));
        }

        return problems;
    }

    public VehicleSpec ToSpec()
    {
        var defaults = new VehicleSpec();
        return defaults with
        {
            Phases = Phases ?? defaults.Phases,
            MaxCurrentA = MaxCurrentA ?? defaults.MaxCurrentA,
            BatteryWh = BatteryWh ?? defaults.BatteryWh,
            InitialSoc = InitialSoc ?? defaults.InitialSoc,
            TargetSoc = TargetSoc ?? defaults.TargetSoc,
        };
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
