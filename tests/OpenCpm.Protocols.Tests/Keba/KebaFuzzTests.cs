using System.Net;
using System.Text;
using OpenCpm.Protocols.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>100,000 seeded random datagrams: the codec throws nothing but KebaProtocolException, the endpoint nothing at all.</summary>
public sealed class KebaFuzzTests
{
    private const int Count = 100_000;
    private const string Alphabet = "{}[]\":,-0123456789eE.ntrufals \\x";

    private static readonly string[] Seeds =
    [
        "{\n\"ID\": \"2\",\n\"State\": 3,\n\"Error1\": 0,\n\"Plug\": 7,\n\"Enable sys\": 1,\n\"Max curr\": 16000,\n\"Curr HW\": 32000\n}\n",
        "{\n\"ID\": \"3\",\n\"U1\": 228,\n\"I1\": 9075,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 1866156,\n\"E pres\": 65302\n}\n",
        "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC240422-E00\",\n\"Serial\": \"22054282\",\n\"Firmware\":\"P30 v 3.10.57\",\n\"DIP-Sw1\": \"0x25\"\n}\n",
        "{\n\"ID\": \"100\",\n\"Session ID\": 5,\n\"E pres\": 10,\n\"RFID tag\": \"e3f76b8d00000000\"\n}\n",
        "{\n\"ID\": \"101\",\n\"Session ID\": 7,\n\"started[s]\": 1547187752,\n\"ended[s]\": 1547205057,\n\"started\": \"2019-01-11 06:22:32.000\",\n\"ended\": \"2019-01-11 11:10:57.000\"\n}\n",
        "{\"ID\": \"100\", \"Session ID\": 3, \"E Pres\": 71077, \"started[s]\": 191012, \"ended[s]\": 0, \"started\": \"191012000\", \"ended\": \"0\"}",
        "TCH-OK :done\n", "TCH-ERR:X2 : not allowed now\n", "\"Firmware\":\"P30 v 3.10.27\"", "{\"E pres\": 29181}", "\"State\": 3", "i",
    ];

    [Fact]
    public void Codec_throws_only_protocol_exceptions_for_random_datagrams()
    {
        var random = new Random(20261124);
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < Count; i++)
        {
            var datagram = Generate(random);
            try
            {
                KebaCodec.Parse(datagram);
                parsed++;
            }
            catch (KebaProtocolException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                rejected++;
            }
        }

        Assert.Equal(Count, parsed + rejected);
        Assert.True(parsed > 1000, "the generator also produces valid messages");
        Assert.True(rejected > 1000, "the generator also produces malformed messages");
    }

    [Fact]
    public async Task Endpoint_survives_random_datagrams_from_a_station_address()
    {
        using var logs = new RecordingLoggerProvider();
        await using var endpoint = new KebaUdpEndpoint(new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress() }, TimeProvider.System, logs.CreateLogger<KebaUdpEndpoint>());
        var station = FreePort.LoopbackAddress();
        var link = endpoint.Connect(station);
        var source = new IPEndPoint(station, 7090);
        var stranger = new IPEndPoint(IPAddress.Parse("127.9.9.9"), 7090);
        var random = new Random(424242);
        for (var i = 0; i < Count; i++)
        {
            endpoint.HandleDatagram(Generate(random), i % 10 == 0 ? stranger : source);
            while (link.Unsolicited.TryRead(out _))
            {
            }
        }

        Assert.Contains(logs.Entries, e => e.EventId.Id == 3000);
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
    }

    private static byte[] Generate(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
            {
                var bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                return bytes;
            }

            case 1:
                return Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]);
            default:
            {
                var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
                var edits = random.Next(1, 6);
                for (var e = 0; e < edits && text.Length > 0; e++)
                {
                    var at = random.Next(text.Length);
                    switch (random.Next(4))
                    {
                        case 0:
                            text.Remove(at, Math.Min(text.Length - at, random.Next(1, 8)));
                            break;
                        case 1:
                            text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                            break;
                        case 2:
                            text[at] = (char)random.Next(0, 256);
                            break;
                        default:
                            text.Insert(at, random.Next(3) switch { 0 => "99999999999999999999", 1 => "-1", _ => "\"\\u0000\"" });
                            break;
                    }
                }

                return Encoding.Latin1.GetBytes(text.ToString());
            }
        }
    }
}
