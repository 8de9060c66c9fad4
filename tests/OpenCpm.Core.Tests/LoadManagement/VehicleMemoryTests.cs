using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class VehicleMemoryTests
{
    [Fact]
    public void Recalls_a_card_s_vehicle_before_the_station_s_last_session()
    {
        var memory = new VehicleMemory();
        memory.Remember("card-a", "cp1", PhaseSet.First(1), learnedMinimumA: 10);
        memory.Remember("card-b", "cp1", PhaseSet.AllThree);

        Assert.Equal(new VehicleProfile(PhaseSet.First(1), 10), memory.Recall("card-a", "cp1"));
        Assert.Equal(new VehicleProfile(PhaseSet.AllThree, null), memory.Recall(null, "cp1"));
    }

    [Fact]
    public void Gives_a_station_s_last_phases_but_never_its_minimum_to_an_unknown_card()
    {
        var memory = new VehicleMemory();
        memory.Remember("card-a", "cp1", PhaseSet.First(2), learnedMinimumA: 13);

        Assert.Equal(new VehicleProfile(PhaseSet.First(2), null), memory.Recall("card-new", "cp1"));
        Assert.Equal(new VehicleProfile(PhaseSet.None, null), memory.Recall("card-new", "cp2"));
    }

    [Fact]
    public void Keeps_what_it_knew_when_a_session_taught_it_nothing()
    {
        var memory = new VehicleMemory();
        memory.Remember("card-a", "cp1", PhaseSet.First(1), learnedMinimumA: 10);

        memory.Remember("card-a", "cp2", PhaseSet.None); // plugged in, never charged

        Assert.Equal(new VehicleProfile(PhaseSet.First(1), 10), memory.Recall("card-a", "cp2"));
        Assert.Equal(PhaseSet.First(1), memory.Recall(null, "cp1").Phases);
        Assert.Equal(PhaseSet.None, memory.Recall(null, "cp2").Phases);
    }

    [Fact]
    public void Forgets_a_deleted_card()
    {
        var memory = new VehicleMemory();
        memory.Remember("card-a", "cp1", PhaseSet.First(1), learnedMinimumA: 10);

        memory.ForgetCard("card-a");

        Assert.Equal(0, memory.CardCount);
        Assert.Null(memory.Recall("card-a", "cp1").MinimumCurrentA);
    }
}
