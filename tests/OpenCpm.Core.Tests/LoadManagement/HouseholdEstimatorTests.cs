using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class HouseholdEstimatorTests
{
    private static PhaseCurrents A(double a) => PhaseCurrents.All(a);

    [Fact]
    public void With_exact_station_currents_the_household_is_the_meter_minus_the_stations()
    {
        var estimator = new HouseholdEstimator();
        Assert.Equal(A(40), estimator.Estimate(A(100), A(60), A(60)));
    }

    [Fact]
    public void The_controllers_own_increase_seen_by_the_meter_before_the_station_reports_it_does_not_move_the_estimate()
    {
        var estimator = new HouseholdEstimator();
        estimator.Estimate(A(40 + 60), A(60), A(60));

        // 60 A raised to 80 A is on its way: the meter sees 10 A of it, the station still reports 60 A.
        Assert.Equal(A(40), estimator.Estimate(A(40 + 70), A(60), A(80)));
        // The whole increase is in, still unreported.
        Assert.Equal(A(40), estimator.Estimate(A(40 + 80), A(60), A(80)));
    }

    [Fact]
    public void The_controllers_own_reduction_seen_by_the_meter_before_the_station_reports_it_does_not_move_the_estimate()
    {
        var estimator = new HouseholdEstimator();
        estimator.Estimate(A(40 + 80), A(80), A(80));

        Assert.Equal(A(40), estimator.Estimate(A(40 + 80), A(60), A(80)));
        Assert.Equal(A(40), estimator.Estimate(A(40 + 60), A(60), A(80)));
        Assert.Equal(A(40), estimator.Estimate(A(40 + 60), A(60), A(60)));
    }

    [Fact]
    public void A_household_step_shows_at_once_and_in_full_even_while_changes_are_on_their_way()
    {
        var estimator = new HouseholdEstimator();
        estimator.Estimate(A(40 + 60), A(60), A(60));

        // +60 A household while a reduction 60 → 50 A has not arrived yet: the safe end counts the stations at 50 A.
        var estimate = estimator.Estimate(A(100 + 60), A(50), A(60));

        Assert.Equal(A(110), estimate);
        Assert.True(estimate.L1 >= 100, "never below the true household (100 A)");
        // Once the reduction shows in the meter the estimate comes down to the truth.
        Assert.Equal(A(100), estimator.Estimate(A(100 + 50), A(50), A(50)));
    }

    [Fact]
    public void Station_currents_the_meter_cannot_account_for_are_not_trusted()
    {
        var estimator = new HouseholdEstimator();

        // A report claiming 63 A on L1 while the meter sees 23 A in all.
        var estimate = estimator.Estimate(new PhaseCurrents(23, 23, 23), new PhaseCurrents(63, 20, 20), new PhaseCurrents(63, 20, 20));

        Assert.Equal(new PhaseCurrents(23, 3, 3), estimate);
        Assert.Equal(PhaseSet.Of(Phase.L1), estimator.Implausible);
    }

    [Fact]
    public void After_a_reset_the_estimate_starts_at_the_safe_end_of_the_band()
    {
        var estimator = new HouseholdEstimator();
        estimator.Estimate(A(100), A(60), A(60));
        estimator.Reset();

        Assert.Equal(A(50), estimator.Estimate(A(100), A(50), A(70)));
    }
}
