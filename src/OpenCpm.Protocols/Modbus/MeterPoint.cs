namespace OpenCpm.Protocols.Modbus;

/// <summary>How one <see cref="MeterQuantity"/> is read; <see cref="Unverified"/> when the fact is not confirmed.</summary>
public sealed record MeterPoint(MeterPointKind Kind, IReadOnlyList<RegisterValue> Terms, string? SunSpecPoint, bool Unverified)
{
    public static MeterPoint Missing { get; } = new(MeterPointKind.Missing, [], null, true);
}
