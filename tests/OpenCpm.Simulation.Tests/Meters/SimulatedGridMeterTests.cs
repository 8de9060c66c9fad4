using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Simulation.Tests.Meters;

public sealed class SimulatedGridMeterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MeterProfile Profile(string id) => MeterProfileCatalog.BuiltIn.Find(id)!;

    [Theory]
    [InlineData("cg-em24-e1")]
    [InlineData("tq-em300")]
    [InlineData("gmc-energymid-em228x-em238x")]
    [InlineData("keba-e10")]
    [InlineData("kostal-ksem")]
    public async Task Serves_household_plus_charging_load_over_modbus_tcp(string id)
    {
        await using var meter = SimulatedGridMeter.Launch(Profile(id));
        meter.SetHouseholdLoad(new PhaseCurrents(5, 6, 7));
        meter.SetChargingLoad(new PhaseCurrents(16, 16, 0));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));

        var values = await new MeterProfileReader(meter.Profile, client).ReadAsync(Ct);

        Assert.NotEqual(0, meter.Port);
        Assert.Equal(21, values.CurrentL1A!.Value, 0.01);
        Assert.Equal(22, values.CurrentL2A!.Value, 0.01);
        Assert.Equal(7, values.CurrentL3A!.Value, 0.01);
        Assert.Equal(230, values.VoltageL1V!.Value, 0.5);
        Assert.Equal((21 + 22 + 7) * 230, values.PowerTotalW!.Value, 15.0);
    }

    [Fact]
    public async Task Changes_its_readings_when_the_load_changes_at_run_time()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("siemens-pac2200"));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));
        var reader = new MeterProfileReader(meter.Profile, client);

        Assert.Equal(0, (await reader.ReadAsync(Ct)).CurrentL2A);
        meter.SetChargingLoad(new PhaseCurrents(0, 32, 0));
        Assert.Equal(32, (await reader.ReadAsync(Ct)).CurrentL2A);
    }

    [Fact]
    public async Task Integrates_energy_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        await using var meter = new SimulatedGridMeter(Profile("janitza-b23-312-10j"), new SimulatedGridMeterOptions { InitialEnergyImportWh = 0 }, clock);
        meter.SetHouseholdLoad(new PhaseCurrents(10, 0, 0));
        clock.Advance(TimeSpan.FromHours(1));
        meter.SetHouseholdLoad(new PhaseCurrents(-10, 0, 0));
        clock.Advance(TimeSpan.FromMinutes(30));

        var values = meter.CurrentValues();

        Assert.Equal(2300, values.EnergyImportWh!.Value, 0.001);
        Assert.Equal(10_000 + 1150, values.EnergyExportWh!.Value, 0.001);
        Assert.Equal(-2300, values.PowerTotalW);
    }

    [Fact]
    public async Task Answers_with_the_injected_exception_code()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("tq-em300"));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));
        meter.Fault = SimulatedMeterFault.ExceptionResponse;
        meter.FaultExceptionCode = ModbusExceptionCodes.ServerDeviceFailure;

        var e = await Assert.ThrowsAsync<ModbusException>(() => new MeterProfileReader(meter.Profile, client).ReadAsync(Ct));

        Assert.Equal($"The meter at 127.0.0.1:{meter.Port} answered read holding registers (function 3) at address 0 with exception 4 (server device failure).", e.Message);
    }

    [Fact]
    public async Task Drops_the_connection_sends_garbage_and_recovers()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("cg-em24-e1"));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));
        var reader = new MeterProfileReader(meter.Profile, client);

        meter.Fault = SimulatedMeterFault.DropConnection;
        Assert.Equal(ModbusFailure.Connection, (await Assert.ThrowsAsync<ModbusException>(() => reader.ReadAsync(Ct))).Failure);

        meter.Fault = SimulatedMeterFault.Garbage;
        Assert.Equal(ModbusFailure.Malformed, (await Assert.ThrowsAsync<ModbusException>(() => reader.ReadAsync(Ct))).Failure);

        meter.Fault = SimulatedMeterFault.None;
        meter.SetHouseholdLoad(PhaseCurrents.All(3));
        Assert.Equal(3, (await reader.ReadAsync(Ct)).CurrentL3A);
        Assert.Equal(3, meter.ConnectionCount);
    }

    [Fact]
    public async Task Stops_answering_when_silent()
    {
        var clock = new FakeTimeProvider();
        await using var meter = SimulatedGridMeter.Launch(Profile("cg-em24-e1"));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1) { Timeout = TimeSpan.FromSeconds(1) }, clock);
        meter.Fault = SimulatedMeterFault.Silent;

        var read = new MeterProfileReader(meter.Profile, client).ReadAsync(Ct);
        await Eventually.TrueAsync(() => meter.RequestCount == 1);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ModbusFailure.Timeout, (await Assert.ThrowsAsync<ModbusException>(() => read)).Failure);
    }

    [Fact]
    public async Task Refuses_other_unit_ids_when_one_is_set()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("fronius-gen24-sm"), new SimulatedGridMeterOptions { UnitId = 200 });
        await using var wrong = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));
        await using var right = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 200));

        Assert.Equal((byte?)11, (await Assert.ThrowsAsync<ModbusException>(() => wrong.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, Ct).AsTask())).ExceptionCode);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, await right.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, Ct));
    }

    [Fact]
    public async Task Answers_unknown_addresses_with_exception_2()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("cg-em24-e1"));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadInputRegisters, 6, 6, Ct).AsTask());

        Assert.Equal(ModbusExceptionCodes.IllegalDataAddress, e.ExceptionCode);
    }

    [Fact]
    public async Task Drops_a_client_that_sends_garbage_and_keeps_serving_others()
    {
        await using var meter = SimulatedGridMeter.Launch(Profile("cg-em24-e1"));
        using (var rogue = new System.Net.Sockets.TcpClient())
        {
            await rogue.ConnectAsync(meter.Address, meter.Port, Ct);
            var stream = rogue.GetStream();
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: meter\r\n\r\n"u8.ToArray(), Ct);
            Assert.Equal(0, await stream.ReadAsync(new byte[16], Ct)); // closed, no answer
        }

        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", meter.Port, 1));
        meter.SetHouseholdLoad(PhaseCurrents.All(1));
        Assert.Equal(1, (await new MeterProfileReader(meter.Profile, client).ReadAsync(Ct)).CurrentL1A);
    }
}
