using System.Globalization;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>PUT /api/v1/sim/household: the non-charging load the meter sees, amperes per phase (negative = export).</summary>
internal sealed record SimHouseholdRequest(double? L1, double? L2, double? L3)
{
    public const double LimitA = 1000;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check("l1", L1, problems);
        Check("l2", L2, problems);
        Check("l3", L3, problems);
        return problems;
    }

    public PhaseCurrents ToCurrents() => new(L1 ?? 0, L2 ?? 0, L3 ?? 0);

    private static void Check(string field, double? value, List<string> problems)
    {
        if (value is not { } a)
        {
            problems.Add($"'{field}' must be given (amperes).");
        }
        else if (!(a is >= -LimitA and <= LimitA))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{field}' must be between -{LimitA} and {LimitA} A but was {a}."));
        }
    }
}
