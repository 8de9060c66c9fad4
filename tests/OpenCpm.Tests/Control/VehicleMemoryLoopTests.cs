using OpenCpm.Core.LoadManagement;
using OpenCpm.Tests.Control.Fakes;

namespace OpenCpm.Tests.Control;

/// <summary>The control loop remembers what a station's last vehicle used (load-management.md section 5) and admits the next one on it.</summary>
public sealed class VehicleMemoryLoopTests
{
    [Fact]
    public async Task A_single_phase_vehicle_seen_before_is_admitted_on_its_phase_at_once_instead_of_queued_behind_a_full_phase()
    {
        // 11 A per phase; cp2's station L1 is wired to grid L2. A single-phase car at cp1 takes all of grid L1.
        var site = new SiteSettings
        {
            MaxCurrentA = 11,
            ChargePoints =
            [
                new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 },
                new ChargePointSettings { Id = "cp2", MaxCurrentA = 32, Rotation = PhaseRotation.L2L3L1 },
            ],
        };
        await using var fake = await FakeSite.StartAsync(site, s => s.AcknowledgeDelay = TimeSpan.FromMilliseconds(200));
        var step = TimeSpan.FromMilliseconds(500);

        // An earlier session at cp2: the car charged on station L1 only.
        fake.Stations[1].PlugIn(phases: 1, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(6), step);
        Assert.Equal(11, fake.Snapshot.ChargePoints[1].SetpointA);
        fake.Stations[1].Unplug();
        await fake.RunAsync(TimeSpan.FromSeconds(5), step);

        fake.Stations[0].PlugIn(phases: 1, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(20), step);
        Assert.Equal(11, fake.Snapshot.ChargePoints[0].SetpointA);
        var before = fake.Journal.Entries.Count;

        // Counted on all its wired phases, the new car at cp2 would need 6 A of grid L1, which cp1 cannot give
        // without going below its minimum: it would wait in the queue. Remembered as single-phase, it fits on grid L2.
        fake.Stations[1].PlugIn(phases: 1, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(3), step);

        var cp2 = fake.Snapshot.ChargePoints[1];
        Assert.True(cp2.SetpointA >= 6, $"cp2 is given current at once, not queued (setpoint {cp2.SetpointA} A, {cp2.LimitedBy})");
        var cp1 = fake.Snapshot.ChargePoints[0];
        Assert.True(cp1.SetpointA == 11, $"cp1 keeps its 11 A (setpoint {cp1.SetpointA} A, {cp1.State}, {cp1.LimitedBy}); journal: {string.Join("; ", fake.Journal.Entries.Skip(before).Select(e => $"{e.Station} {e.Kind} {e.ValueA}"))}");
        Assert.DoesNotContain(fake.Journal.Entries.Skip(before), e => e is { Station: "cp1", Kind: JournalEntryKind.Command });

        // Until it draws, a guess is held at the minimum (a wrong guess costs at most that); then it gets the rest.
        Assert.Equal(6, fake.Journal.Entries.Skip(before).First(e => e is { Station: "cp2", Kind: JournalEntryKind.Command }).ValueA);
        await fake.RunAsync(TimeSpan.FromSeconds(6), step);
        Assert.Equal(11, fake.Snapshot.ChargePoints[1].SetpointA);
        Assert.Equal(11, fake.Snapshot.ChargePoints[0].SetpointA);
    }
}
