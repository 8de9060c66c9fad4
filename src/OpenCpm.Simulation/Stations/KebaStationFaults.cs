namespace OpenCpm.Simulation.Stations;

/// <summary>Fault knobs and field quirks of a simulated station; set them at any time from a test, the demo or the CLI.</summary>
public sealed class KebaStationFaults
{
    /// <summary>t_UDP_pause of the programmer's guide: a real station drops a command that follows the previous one sooner.</summary>
    public static readonly TimeSpan DefaultBurstSpacing = TimeSpan.FromMilliseconds(100);

    private int _dropNext;

    /// <summary>Answers nothing and pushes nothing (powered off, cable cut).</summary>
    public bool Silent { get; set; }

    /// <summary>
    /// Commands starting with this text (e.g. <c>"currtime"</c>) are carried out but their replies are lost on the
    /// way back, so the sender can't know they took effect; null = no reply is lost.
    /// </summary>
    public string? RepliesLostFor { get; set; }

    /// <summary>DIP switch DSW1.3 OFF: only <c>i</c> and <c>report 1</c> are answered, and DIP-Sw1 shows the switch off.</summary>
    public bool InterfaceDisabled { get; set; }

    /// <summary>
    /// Modbus TCP enabled on DIP switch 1.3. On firmware whose profile says <see cref="KebaFirmwareProfile.ModbusSilencesUdp"/>
    /// (3.10.80) UDP then answers only <c>i</c> and <c>report 1</c>: reports 2, 3 and 100 and every command go unanswered.
    /// Older firmware is not affected.
    /// </summary>
    public bool ModbusEnabled { get; set; }

    /// <summary>
    /// Silently drops a command that arrives less than <see cref="BurstSpacing"/> after the last command the station
    /// took (as real stations do under load, evcc #16879). Counted in <see cref="SimulatedKebaStation.CommandsDropped"/>.
    /// </summary>
    public bool DropBursts { get; set; }

    /// <summary>The station's minimum gap between two commands when <see cref="DropBursts"/> is on.</summary>
    public TimeSpan BurstSpacing { get; set; } = DefaultBurstSpacing;

    /// <summary>
    /// A plug-in shows State 4 (Error1 6, Error2 32769, Enable sys 1, Max curr 0) in the first report 2 after it, and
    /// the error is gone by the next report (seen on P30 x-series, evcc #8762); unpolled it clears after
    /// <see cref="TransientErrorHold"/>.
    /// </summary>
    public bool TransientErrorAtPlugIn { get; set; }

    /// <summary>How long the transient State 4 lasts when no report 2 asks for it first.</summary>
    public TimeSpan TransientErrorHold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Acknowledge invalid or unknown commands with <c>TCH-OK :done</c> instead of ignoring them (real behaviour undocumented).</summary>
    public bool AcknowledgeInvalidCommands { get; set; }

    /// <summary>Sends the push messages a command causes before its reply (a push racing the reply, evcc #644).</summary>
    public bool PushBeforeReply { get; set; }

    /// <summary>Drops the next <paramref name="count"/> incoming datagrams.</summary>
    public void DropNextDatagrams(int count) => Interlocked.Exchange(ref _dropNext, Math.Max(0, count));

    internal bool TakeDrop()
    {
        while (true)
        {
            var n = Volatile.Read(ref _dropNext);
            if (n <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _dropNext, n - 1, n) == n)
            {
                return true;
            }
        }
    }
}
