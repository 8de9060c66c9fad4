using OpenCpm.Api;
using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Tests.Api;

/// <summary>A charge point's numbers as the API shows them: rounded for people, on the station's conductors and on the grid phases.</summary>
public sealed class ChargePointDtoTests
{
    private static ChargePointSnapshot Snapshot(ChargePointSettings settings, PhaseCurrents stationA) => new()
    {
        Installation = new ChargePointInstallation { Settings = settings, Address = "192.168.25.11" },
        Status = new StationStatus
        {
            ChargePointId = settings.Id,
            Online = true,
            CurrentsA = stationA,
            VoltagesV = new PhaseVoltages(229.6, 230.4, 0),
            PowerW = 2806.8000000001,
            SessionEnergyWh = 20.8,
            TotalEnergyWh = 12345.67,
        },
        SetpointA = 12.200000000000001,
        CommandedA = 12.200000000000001,
    };

    [Fact]
    public void Shows_amperes_to_one_decimal_and_watts_volts_and_watt_hours_whole()
    {
        var dto = ChargePointDto.From(Snapshot(new ChargePointSettings { Id = "cp1" }, new PhaseCurrents(12.200000000000001, 12.26, 0)));

        Assert.Equal((12.2, 12.2), (dto.SetpointA, dto.CommandedA));
        Assert.Equal(new PhaseCurrentsDto(12.2, 12.3, 0), dto.CurrentA);
        Assert.Equal(new PhaseCurrentsDto(230, 230, 0), dto.VoltageV);
        Assert.Equal((2807, 21, 12346), (dto.PowerW, dto.SessionEnergyWh, dto.TotalEnergyWh));
    }

    [Theory]
    [InlineData(PhaseRotation.L1L2L3, 16, 0, 0)]
    [InlineData(PhaseRotation.L2L3L1, 0, 16, 0)]
    [InlineData(PhaseRotation.L3L1L2, 0, 0, 16)]
    public void Shows_a_single_phase_car_on_the_grid_phase_its_station_L1_is_wired_to(PhaseRotation rotation, double l1, double l2, double l3)
    {
        var dto = ChargePointDto.From(Snapshot(new ChargePointSettings { Id = "cp1", Rotation = rotation }, new PhaseCurrents(16, 0, 0)));

        Assert.Equal(new PhaseCurrentsDto(16, 0, 0), dto.CurrentA);
        Assert.Equal(new PhaseCurrentsDto(l1, l2, l3), dto.GridCurrentA);
    }

    [Fact]
    public void Shows_a_single_phase_station_on_its_grid_phase()
    {
        var dto = ChargePointDto.From(Snapshot(new ChargePointSettings { Id = "cp1", Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L3 }, new PhaseCurrents(10, 0, 0)));

        Assert.Equal(new PhaseCurrentsDto(0, 0, 10), dto.GridCurrentA);
    }
}
