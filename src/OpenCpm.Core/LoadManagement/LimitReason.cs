namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Which limit bound a setpoint, so the operator can see why a car gets what it gets. Rendered as
/// <c>site:L2</c>, <c>meter:L1</c>, <c>cluster:garage</c>, <c>vehicle</c>, <c>ocpp</c>, <c>unbalancedLoad</c>,
/// <c>queue</c>… (the <c>limitedBy</c> field of shared/specs/interfaces.md).
/// </summary>
public readonly record struct LimitReason(LimitKind Kind, Phase? Phase = null, string? Node = null)
{
    public static LimitReason Of(LimitKind kind) => new(kind);

    public override string ToString() => Kind switch
    {
        LimitKind.Site => $"site:{Phase}",
        LimitKind.Meter => $"meter:{Phase}",
        LimitKind.Cluster => Phase is null ? $"cluster:{Node}" : $"cluster:{Node}:{Phase}",
        LimitKind.SitePower => "site:power",
        LimitKind.MeterFallback => "meterFallback",
        LimitKind.MeterLost => "meterLost",
        LimitKind.OcppSite => "ocpp:site",
        LimitKind.ApiSite => "api:site",
        LimitKind.ChargePoint => "chargePoint",
        LimitKind.UnbalancedLoad => "unbalancedLoad",
        LimitKind.UserPreference => "userPreference",
        _ => char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString()[1..],
    };
}
