using OpenCpm.Core.Sessions;

namespace OpenCpm.Data;

internal sealed class SessionRow
{
    public long Id { get; set; }

    public required string ChargePoint { get; set; }

    public string? IdTag { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public double MeterStartWh { get; set; }

    public double? MeterEndWh { get; set; }

    public StopReason? StopReason { get; set; }

    public ChargingSession ToSession() => new()
    {
        Id = Id,
        ChargePoint = ChargePoint,
        IdTag = IdTag,
        Start = Start,
        End = End,
        MeterStartWh = MeterStartWh,
        MeterEndWh = MeterEndWh,
        StopReason = StopReason,
    };

    public void CopyFrom(ChargingSession session)
    {
        End = session.End;
        MeterEndWh = session.MeterEndWh;
        StopReason = session.StopReason;
    }
}
