namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// One payload as it travels on the wire (compact JSON, fields in schema order) and the record it stands for.
/// <see cref="Name"/> is "Action.req" or "Action.conf", optionally followed by " (variant)".
/// </summary>
public sealed record GoldenMessage(string Name, string Json, object Record)
{
    public string Action => Name.Split('.')[0];

    public bool IsRequest => Name.Split('.', 2)[1].StartsWith("req", StringComparison.Ordinal);

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
