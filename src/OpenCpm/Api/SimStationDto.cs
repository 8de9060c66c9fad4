using OpenCpm.Simulation;

namespace OpenCpm.Api;

/// <summary>A simulated station as the simulation sees it: its vehicle's state of charge and what it draws on each grid phase.</summary>
internal sealed record SimStationDto(string Id, string Address, string Serial, bool Plugged, double? Soc, PhaseCurrentsDto CurrentA)
{
    public static SimStationDto From(string id, SimulatedSiteStation station)
    {
        var soc = station.VehicleSoc();
        return new SimStationDto(id, station.Address.ToString(), station.Serial, soc is not null, soc is { } s ? Math.Round(s, 4) : null, PhaseCurrentsDto.From(station.GridCurrents()));
    }
}
