using Serilog.Core;
using Serilog.Events;

namespace OpenCpm.Security;

/// <summary>
/// The console log's last guard against forged lines: every text value of a log entry goes through
/// <see cref="LogText.Escape"/> (control characters, line breaks and bidirectional controls as <c>\uXXXX</c>, cut to
/// <see cref="MaxValueLength"/> characters), whoever logged it.
/// </summary>
internal sealed class LogEscapingEnricher : ILogEventEnricher
{
    public const int MaxValueLength = 500;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && (text.Length > MaxValueLength || LogText.IsUnsafe(text)))
            {
                (escaped ??= []).Add(new LogEventProperty(name, new ScalarValue(LogText.Escape(text, MaxValueLength))));
            }
        }

        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
