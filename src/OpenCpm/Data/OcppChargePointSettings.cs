namespace OpenCpm.Data;

/// <summary>
/// The OCPP configuration keys the controller keeps itself (ocpp.md §1.12; the keys that stand for other settings —
/// HeartbeatInterval, the authorization modes, AuthorizationKey, SecurityProfile — live in those settings). Edited by
/// the backend's ChangeConfiguration through <see cref="Ocpp.OcppConfiguration"/>.
/// </summary>
internal sealed record OcppChargePointSettings : ISettingsDocument<OcppChargePointSettings>
{
    public const int MaxIntervalSeconds = 86400;

    public static string Key => "ocppConfiguration";

    public static OcppChargePointSettings Default { get; } = new();

    public bool AuthorizeRemoteTxRequests { get; init; }

    public bool AuthorizationCacheEnabled { get; init; } = true;

    public int ClockAlignedDataIntervalSeconds { get; init; }

    public int ConnectionTimeOutSeconds { get; init; } = 60;

    public int MeterValueSampleIntervalSeconds { get; init; } = 60;

    public string MeterValuesSampledData { get; init; } = "Energy.Active.Import.Register";

    public string MeterValuesAlignedData { get; init; } = "Energy.Active.Import.Register";

    public string StopTxnSampledData { get; init; } = "Energy.Active.Import.Register";

    public string StopTxnAlignedData { get; init; } = "";

    public int MinimumStatusDurationSeconds { get; init; }

    public int ResetRetries { get; init; } = 1;

    public int TransactionMessageAttempts { get; init; } = 3;

    public int TransactionMessageRetryIntervalSeconds { get; init; } = 60;

    public int WebSocketPingIntervalSeconds { get; init; } = 30;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Range(errors, "ClockAlignedDataInterval", ClockAlignedDataIntervalSeconds, 0, MaxIntervalSeconds);
        Range(errors, "ConnectionTimeOut", ConnectionTimeOutSeconds, 1, 3600);
        Range(errors, "MeterValueSampleInterval", MeterValueSampleIntervalSeconds, 0, MaxIntervalSeconds);
        Range(errors, "MinimumStatusDuration", MinimumStatusDurationSeconds, 0, 3600);
        Range(errors, "ResetRetries", ResetRetries, 0, 10);
        Range(errors, "TransactionMessageAttempts", TransactionMessageAttempts, 1, 100);
        Range(errors, "TransactionMessageRetryInterval", TransactionMessageRetryIntervalSeconds, 1, MaxIntervalSeconds);
        Range(errors, "WebSocketPingInterval", WebSocketPingIntervalSeconds, 0, 3600);
        foreach (var (name, list) in new[]
        {
            ("MeterValuesSampledData", MeterValuesSampledData), ("MeterValuesAlignedData", MeterValuesAlignedData),
            ("StopTxnSampledData", StopTxnSampledData), ("StopTxnAlignedData", StopTxnAlignedData),
        })
        {
            if (Ocpp.OcppMeasurands.Problem(list) is { } problem)
            {
                errors.Add($"{name}: {problem}");
            }
        }

        return errors;
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(FormattableString.Invariant($"{name} must be {min}..{max} but is {value}."));
        }
    }
}
