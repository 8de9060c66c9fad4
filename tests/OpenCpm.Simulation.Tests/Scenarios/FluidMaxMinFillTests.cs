using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>The yardstick of <c>jainFairness</c>: the ideal fluid max-min fair allocation in per-phase current.</summary>
public sealed class FluidMaxMinFillTests
{
    [Fact]
    public void Gives_a_single_phase_and_a_three_phase_car_the_same_current_on_their_shared_phase()
    {
        var fill = Fill(siteA: 32);
        var current = new double[2];

        fill.Run([0, 1], [PhaseSet.Of(Phase.L1), PhaseSet.AllThree], [-1, -1], [32, 32], current);

        Assert.Equal(16, current[0], 9);
        Assert.Equal(16, current[1], 9);
    }

    [Fact]
    public void Gives_what_a_capped_car_leaves_to_the_others()
    {
        var fill = Fill(siteA: 32);
        var current = new double[3];

        fill.Run([0, 1, 2], [PhaseSet.AllThree, PhaseSet.AllThree, PhaseSet.AllThree], [-1, -1, -1], [6, 32, 32], current);

        Assert.Equal([6, 13, 13], current);
    }

    [Fact]
    public void Holds_the_unbalanced_load_limit_and_lets_a_car_on_the_low_phase_lift_it()
    {
        var alone = Fill(siteA: 63, unbalancedA: 10);
        var current = new double[2];
        alone.Run([0], [PhaseSet.Of(Phase.L1)], [-1], [32], current);
        Assert.Equal(10, current[0], 9);

        var paired = Fill(siteA: 63, unbalancedA: 10);
        paired.Run([0, 1], [PhaseSet.Of(Phase.L1), PhaseSet.Of(Phase.L2)], [-1, -1], [32, 32], current);
        Assert.Equal(10, current[0], 9); // L3 stays empty: 10 A above it at most
        Assert.Equal(10, current[1], 9);
    }

    [Fact]
    public void Keeps_a_cluster_within_its_fuse()
    {
        var fill = Fill(siteA: 63, clusters: 1);
        fill.Capacity[FluidMaxMinFill.ClusterRow(0, Phase.L1)] = 20;
        var current = new double[3];

        fill.Run([0, 1, 2], [PhaseSet.AllThree, PhaseSet.AllThree, PhaseSet.AllThree], [0, 0, -1], [32, 32, 32], current);

        Assert.Equal([10, 10, 32], current);
    }

    private static FluidMaxMinFill Fill(double siteA, double unbalancedA = double.PositiveInfinity, int clusters = 0)
    {
        var fill = new FluidMaxMinFill(3, clusters);
        Array.Fill(fill.Capacity, double.PositiveInfinity);
        foreach (var p in PhaseSet.All)
        {
            fill.Capacity[(int)p] = siteA;
            foreach (var q in PhaseSet.All)
            {
                if (p != q)
                {
                    fill.Capacity[FluidMaxMinFill.PairRow(p, q)] = unbalancedA;
                }
            }
        }

        return fill;
    }
}
