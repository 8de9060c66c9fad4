using OpenCpm.Data;
using OpenCpm.Warnings;

namespace OpenCpm.Tests.Warnings;

public sealed class WarningTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static readonly OperatorWarning Lost = new("meter", EventSeverity.Warning, "meter", "lost", "back");

    private static readonly OperatorWarning Corrected = new("safety", EventSeverity.Error, "loadManagement", "corrected", "fine again") { ClearAfter = TimeSpan.FromMinutes(1) };

    [Fact]
    public void Raises_a_condition_once_however_many_cycles_show_it_and_clears_it_once()
    {
        var tracker = new WarningTracker();
        var events = new List<OperatorEvent>();
        for (var cycle = 0; cycle < 20; cycle++)
        {
            events.AddRange(tracker.Update([Lost with { Message = $"lost, cycle {cycle}" }], T0.AddSeconds(cycle)));
        }

        events.AddRange(tracker.Update([], T0.AddSeconds(20)));
        events.AddRange(tracker.Update([], T0.AddSeconds(21)));

        Assert.Equal([new OperatorEvent(EventSeverity.Warning, "meter", "lost, cycle 0"), new OperatorEvent(EventSeverity.Info, "meter", "back")], events);
        Assert.Empty(tracker.ActiveKeys);
    }

    [Fact]
    public void A_figure_that_comes_and_goes_every_other_cycle_is_cleared_only_after_it_stayed_away_for_its_clear_time()
    {
        var tracker = new WarningTracker();
        var events = new List<OperatorEvent>();
        for (var second = 0; second < 300; second++)
        {
            events.AddRange(tracker.Update(second % 2 == 0 ? [Corrected] : [], T0.AddSeconds(second)));
        }

        Assert.Equal([new OperatorEvent(EventSeverity.Error, "loadManagement", "corrected")], events);
        Assert.Empty(tracker.Update([], T0.AddSeconds(300 + 58)));
        Assert.Equal([new OperatorEvent(EventSeverity.Info, "loadManagement", "fine again")], tracker.Update([], T0.AddSeconds(300 + 60)));
    }

    [Fact]
    public void A_forgotten_condition_ends_without_an_event()
    {
        var tracker = new WarningTracker();
        tracker.Update([Lost with { Key = "station:cp1" }], T0);

        tracker.Forget(key => key == "station:cp1");

        Assert.Empty(tracker.Update([], T0.AddSeconds(1)));
    }

    [Fact]
    public void The_active_conditions_are_listed_the_oldest_first_as_they_were_raised_while_one_fading_out_still_counts()
    {
        var tracker = new WarningTracker();
        tracker.Update([Corrected], T0);
        tracker.Update([Corrected, Lost], T0.AddSeconds(5));
        tracker.Update([Lost with { Message = "lost again" }], T0.AddSeconds(10));

        Assert.Equal([new ActiveWarning(Corrected, T0), new ActiveWarning(Lost, T0.AddSeconds(5))], tracker.Active);
    }
}
