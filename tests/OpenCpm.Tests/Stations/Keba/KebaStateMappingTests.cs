using OpenCpm.Core.ChargePoints;
using OpenCpm.Protocols.Keba;
using OpenCpm.Stations.Keba;

namespace OpenCpm.Tests.Stations.Keba;

public sealed class KebaStateMappingTests
{
    public static TheoryData<string, int, int, int, int, bool, ChargePointState> Rows => new()
    {
        { "idle, no cable", 1, 0, 0, 0, false, ChargePointState.Idle },
        { "idle, fixed cable", 1, 3, 1, 0, false, ChargePointState.Idle },
        { "plugged, waiting for RFID", 1, 7, 0, 0, false, ChargePointState.Connected },
        { "plugged, pilot offered, car not yet drawing", 2, 7, 1, 16000, false, ChargePointState.Connected },
        { "plugged, pilot offered, car stopped drawing", 2, 7, 1, 16000, true, ChargePointState.SuspendedByEv },
        { "charging", 3, 7, 1, 16000, true, ChargePointState.Charging },
        { "disabled by ena 0 / currtime 0 / failsafe", 5, 7, 0, 0, true, ChargePointState.SuspendedByController },
        { "interrupted by the vehicle", 5, 7, 1, 16000, true, ChargePointState.SuspendedByEv },
        { "error", 4, 7, 0, 0, false, ChargePointState.Error },
        { "starting up with a vehicle", 0, 7, 0, 0, false, ChargePointState.Connected },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Maps_KEBA_state_to_the_controller_state(string name, int state, int plug, int enableSys, int maxCurr, bool charged, ChargePointState expected)
    {
        Assert.NotNull(name);
        var report = new KebaReport2 { State = state, Plug = plug, EnableSys = enableSys, MaxCurrentMilliA = maxCurr };
        Assert.Equal(expected, KebaStateMapping.Map(report, online: true, charged));
    }

    [Fact]
    public void Is_offline_without_an_answer()
    {
        Assert.Equal(ChargePointState.Offline, KebaStateMapping.Map(null, online: true, false));
        Assert.Equal(ChargePointState.Offline, KebaStateMapping.Map(new KebaReport2 { State = 3, Plug = 7, EnableSys = 1, MaxCurrentMilliA = 1 }, online: false, true));
    }
}
