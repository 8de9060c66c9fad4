namespace OpenCpm.Simulation.Scenarios;

/// <summary>Jain's fairness index (Σx)² / (n·Σx²): 1 when all shares are equal, 1/n when one takes everything.</summary>
internal static class JainIndex
{
    public static double Of(IReadOnlyCollection<double> shares)
    {
        if (shares.Count < 2)
        {
            return 1;
        }

        var sum = shares.Sum();
        var squares = shares.Sum(x => x * x);
        return squares > 0 ? sum * sum / (shares.Count * squares) : 1;
    }
}
