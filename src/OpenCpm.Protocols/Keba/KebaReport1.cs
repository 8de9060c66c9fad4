namespace OpenCpm.Protocols.Keba;

/// <summary>
/// <c>report 1</c>: identity. Optional fields are null when the firmware does not send them
/// (e.g. <c>DIP-Sw1</c>/<c>DIP-Sw2</c>, <c>Backend</c>, <c>timeQ</c> appear on newer firmware only).
/// </summary>
public sealed record KebaReport1 : KebaMessage
{
    public required string Product { get; init; }

    public required string Serial { get; init; }

    public required string Firmware { get; init; }

    public int ComModule { get; init; }

    public int? Backend { get; init; }

    public int? TimeQuality { get; init; }

    public int? SetBoot { get; init; }

    /// <summary>DIP block 1 as a byte (bit 7 = DSW1.1 … bit 0 = DSW1.8), null when not reported.</summary>
    public byte? DipSwitch1 { get; init; }

    public byte? DipSwitch2 { get; init; }

    public long UptimeS { get; init; }
}
