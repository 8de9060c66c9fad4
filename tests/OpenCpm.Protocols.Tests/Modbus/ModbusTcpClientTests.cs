using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Modbus;

public sealed class ModbusTcpClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_registers_with_a_new_transaction_id_per_request()
    {
        await using var peer = new ScriptedModbusPeer(r => ScriptedModbusPeer.Answer(r, Enumerable.Range(r.Address, r.Count).Select(a => (ushort)a).ToArray()));
        await using var client = new ModbusTcpClient(peer.Options());

        Assert.Equal(new ushort[] { 40000, 40001 }, await client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, Ct));
        Assert.Equal(new ushort[] { 12, 13, 14 }, await client.ReadRegistersAsync(ModbusFunction.ReadInputRegisters, 12, 3, Ct));

        Assert.Equal([(1, 3), (2, 4)], peer.Requests.Select(r => ((int)r.TransactionId, (int)r.Function)));
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task Maps_an_exception_response_to_a_sentence_and_keeps_the_connection()
    {
        await using var peer = new ScriptedModbusPeer(r => r.Address == 40000
            ? ModbusFrame.EncodeExceptionResponse(r.TransactionId, r.UnitId, r.Function, 2)
            : ScriptedModbusPeer.Answer(r, 7));
        await using var client = new ModbusTcpClient(peer.Options());

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, Ct).AsTask());

        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} answered read holding registers (function 3) at address 40000 with exception 2 (illegal data address).", e.Message);
        Assert.Equal((ModbusFailure.ExceptionResponse, (byte?)2), (e.Failure, e.ExceptionCode));
        Assert.Equal(new ushort[] { 7 }, await client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 1, 1, Ct));
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task Drops_the_connection_on_garbage_and_reconnects()
    {
        var garbage = true;
        await using var peer = new ScriptedModbusPeer(r => garbage ? Hex.Bytes("DE AD BE EF 13 37 00 FF 42 42 42") : ScriptedModbusPeer.Answer(r, 1));
        await using var client = new ModbusTcpClient(peer.Options());

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadInputRegisters, 0, 1, Ct).AsTask());
        Assert.Equal(
            $"The meter at 127.0.0.1:{peer.Port} sent a malformed answer to read input registers (function 4) at address 0: Modbus frame 'protocol id' must be 0 but was 48879.",
            e.Message);

        garbage = false;
        Assert.Equal(new ushort[] { 1 }, await client.ReadRegistersAsync(ModbusFunction.ReadInputRegisters, 0, 1, Ct));
        Assert.Equal(2, peer.Accepted);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "00 09 00 00 00 05 01 03 02 00 01", "Modbus response 'transaction id' must be 1 but was 9." },
        { "00 01 00 00 00 05 01 04 02 00 01", "Modbus response 'function' must be 3 but was 4." },
        { "00 01 00 00 00 07 01 03 04 00 01 00 02", "Modbus response 'byte count' must be 2 but was 4." },
        { "00 01 00 00 00 04 01 03 02 00", "Modbus response 'byte count' says 2 bytes but 1 followed." },
    };

    [Theory, MemberData(nameof(BadAnswers))]
    public async Task Refuses_answers_that_do_not_match_the_request(string answer, string reason)
    {
        await using var peer = new ScriptedModbusPeer(_ => Hex.Bytes(answer));
        await using var client = new ModbusTcpClient(peer.Options());

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 5, 1, Ct).AsTask());

        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} sent a malformed answer to read holding registers (function 3) at address 5: {reason}", e.Message);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Retries_once_on_a_fresh_connection_when_the_meter_closed_an_idle_one()
    {
        var served = 0;
        await using var peer = new ScriptedModbusPeer(r => Interlocked.Increment(ref served) == 2 ? null : ScriptedModbusPeer.Answer(r, 42));
        await using var client = new ModbusTcpClient(peer.Options());

        Assert.Equal(new ushort[] { 42 }, await client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 0, 1, Ct));
        Assert.Equal(new ushort[] { 42 }, await client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 0, 1, Ct));

        Assert.Equal(2, peer.Accepted);
        Assert.Equal(3, peer.Requests.Count);
    }

    [Fact]
    public async Task Reports_a_connection_dropped_mid_request()
    {
        await using var peer = new ScriptedModbusPeer(_ => null);
        await using var client = new ModbusTcpClient(peer.Options());

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 40000, 2, Ct).AsTask());

        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} closed the connection during read holding registers (function 3) at address 40000.", e.Message);
        Assert.Equal(ModbusFailure.Connection, e.Failure);
    }

    [Fact]
    public async Task Times_out_on_a_silent_meter_by_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        await using var peer = new ScriptedModbusPeer(_ => []);
        await using var client = new ModbusTcpClient(peer.Options(TimeSpan.FromSeconds(2)), clock);

        var read = client.ReadRegistersAsync(ModbusFunction.ReadInputRegisters, 12, 2, Ct).AsTask();
        await Eventually.TrueAsync(() => !peer.Requests.IsEmpty);
        Assert.False(read.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));

        var e = await Assert.ThrowsAsync<ModbusException>(() => read);
        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} did not answer read input registers (function 4) at address 12 within 2000 ms.", e.Message);
        Assert.Equal(ModbusFailure.Timeout, e.Failure);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Reports_a_refused_connection_in_one_sentence()
    {
        var port = FreePort.Tcp();
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", port));

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 0, 1, Ct).AsTask());

        Assert.Equal($"Could not connect to the meter at 127.0.0.1:{port} (ConnectionRefused).", e.Message);
        Assert.Equal(ModbusFailure.Connection, e.Failure);
    }

    [Fact]
    public async Task Keeps_one_request_in_flight_per_connection()
    {
        await using var peer = new ScriptedModbusPeer(r => ScriptedModbusPeer.Answer(r, r.Address));
        await using var client = new ModbusTcpClient(peer.Options());

        var reads = Enumerable.Range(0, 5).Select(i => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, (ushort)i, 1, Ct).AsTask()).ToArray();
        var results = await Task.WhenAll(reads);

        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => (int)r[0]));
        Assert.False(peer.SawPipelinedRequest);
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task Survives_a_peer_that_closes_right_after_accepting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = Task.Run(async () => (await listener.AcceptSocketAsync(Ct)).Dispose(), Ct);
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", port));

        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 0, 1, Ct).AsTask());
        await accept;

        Assert.Equal(ModbusFailure.Connection, e.Failure);
    }
}
