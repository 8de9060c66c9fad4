using OpenCpm.Core.LoadManagement;
using OpenCpm.Tests.Control.Fakes;

namespace OpenCpm.Tests.Control;

/// <summary>
/// The control loop on a fake clock with in-memory stations: every command and every current any vehicle draws is
/// recorded (<see cref="StationJournal"/>) and each one is checked — not samples.
/// </summary>
public sealed class ControlLoopSafetyTests
{
    [Fact]
    public async Task Every_command_and_every_current_drawn_stays_within_the_site_limit_while_six_cars_come_and_go()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 63,
            ChargePoints = [.. Enumerable.Range(1, 6).Select(k => new ChargePointSettings { Id = $"cp{k}", MaxCurrentA = 32 })],
        };
        await using var fake = await FakeSite.StartAsync(site, s => s.AcknowledgeDelay = TimeSpan.FromMilliseconds(200));
        var step = TimeSpan.FromSeconds(1);
        for (var k = 0; k < 6; k++)
        {
            fake.Stations[k].PlugIn(phases: 3, maxCurrentA: 32);
            await fake.RunAsync(TimeSpan.FromSeconds(3 + k), TimeSpan.FromMilliseconds(500));
        }

        await fake.RunAsync(TimeSpan.FromMinutes(1), step);
        fake.Stations[1].Unplug();
        fake.Stations[4].Unplug();
        await fake.RunAsync(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));
        fake.Stations[1].PlugIn(phases: 3, maxCurrentA: 16);
        await fake.RunAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));

        var entries = fake.Journal.Entries;
        Assert.True(entries.Count(e => e.Kind == JournalEntryKind.Command) >= 10, $"the loop commanded the stations ({entries.Count} entries)");
        foreach (var entry in entries)
        {
            Assert.True(entry.OfferedSumA.Max <= 63 + 1e-9, $"after entry {entry.Sequence} ({entry.Kind} {entry.ValueA} A at {entry.Station}, {entry.At:HH:mm:ss.fff}) the stations offered {entry.OfferedSumA} A together, above the 63 A site limit");
            Assert.True(entry.DrawnSumA.Max <= 63 + 1e-9, $"after entry {entry.Sequence} the vehicles drew {entry.DrawnSumA} A together, above the 63 A site limit");
        }

        var charging = fake.Snapshot.ChargePoints.Count(c => c.SetpointA >= 6);
        Assert.True(charging >= 3, $"the site is used: {charging} vehicles charge");
    }

    [Fact]
    public async Task A_reduction_is_acknowledged_before_the_increase_it_makes_room_for_is_sent()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 20,
            ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 }, new ChargePointSettings { Id = "cp2", MaxCurrentA = 32 }],
        };
        await using var fake = await FakeSite.StartAsync(site, s => s.AcknowledgeDelay = TimeSpan.FromMilliseconds(700));
        fake.Stations[0].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(20, fake.Stations[0].SetpointA);

        fake.Stations[1].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10));

        var entries = fake.Journal.Entries;
        var reduction = entries.First(e => e is { Station: "cp1", Kind: JournalEntryKind.Command, ValueA: 10 });
        var acknowledged = entries.First(e => e is { Station: "cp1", Kind: JournalEntryKind.Acknowledge, ValueA: 10 });
        var increase = entries.First(e => e is { Station: "cp2", Kind: JournalEntryKind.Command, ValueA: > 0 });
        Assert.Equal(10, increase.ValueA);
        Assert.True(reduction.Sequence < acknowledged.Sequence && acknowledged.Sequence < increase.Sequence,
            $"order: cp1 reduced at #{reduction.Sequence} ({reduction.At:ss.fff}), acknowledged at #{acknowledged.Sequence} ({acknowledged.At:ss.fff}), cp2 raised at #{increase.Sequence} ({increase.At:ss.fff})");
        Assert.True(increase.At >= acknowledged.At);
    }

    [Fact]
    public async Task A_settings_change_while_a_reduction_waits_for_its_acknowledgement_still_holds_the_increases_back()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 20,
            ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 }, new ChargePointSettings { Id = "cp2", MaxCurrentA = 32 }],
        };
        await using var fake = await FakeSite.StartAsync(site, s => s.AcknowledgeDelay = TimeSpan.FromSeconds(3));
        fake.Stations[0].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10));

        fake.Stations[1].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(1.5));
        // The reduction of cp1 is on its way; a new setting (a cluster-free edit of the site) reloads the loop meanwhile.
        var outcome = await fake.App.Service<OpenCpm.Settings.SettingsService>().UpdateSiteAsync(
            s => s.WithLimits(s.Site with { RotationPeriod = TimeSpan.FromMinutes(20) }), "test", null, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSaved);
        await fake.RunAsync(TimeSpan.FromSeconds(10));

        foreach (var entry in fake.Journal.Entries)
        {
            Assert.True(entry.OfferedSumA.Max <= 20 + 1e-9, $"after entry {entry.Sequence} ({entry.Kind} {entry.ValueA} A at {entry.Station}) the stations offered {entry.OfferedSumA} A");
        }

        Assert.Equal((10, 10), (fake.Stations[0].SetpointA, fake.Stations[1].SetpointA));
    }
}
