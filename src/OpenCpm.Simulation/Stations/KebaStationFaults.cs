namespace OpenCpm.Simulation.Stations;

/// <summary>Fault knobs of a simulated station; set them at any time from a test or the demo.</summary>
public sealed class KebaStationFaults
{
    private int _dropNext;

    /// <summary>Answers nothing and pushes nothing (powered off, cable cut).</summary>
    public bool Silent { get; set; }

    /// <summary>
    /// Commands starting with this text (e.g. <c>"currtime"</c>) are carried out but their replies are lost on the
    /// way back, so the sender can't know they took effect; null = no reply is lost.
    /// </summary>
    public string? RepliesLostFor { get; set; }

    /// <summary>DIP switch DSW1.3 OFF: only <c>i</c> and <c>report 1</c> are answered.</summary>
    public bool InterfaceDisabled { get; set; }

    /// <summary>Drops a command that arrives less than 100 ms after the previous one (as real stations under load do).</summary>
    public bool DropCommandsTooClose { get; set; }

    /// <summary>Firmware 3.10.80 mode: ignores commands whose source port is not 7090.</summary>
    public bool RequireSourcePort7090 { get; set; }

    /// <summary>Older firmware: Curr HW reads 0 while no vehicle is plugged in.</summary>
    public bool HardwareCurrentZeroWhileUnplugged { get; set; }

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
