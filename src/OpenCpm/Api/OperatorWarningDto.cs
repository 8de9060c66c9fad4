using OpenCpm.Data;
using OpenCpm.Warnings;

namespace OpenCpm.Api;

/// <summary>A condition the operator should know about while it lasts, as the event log wrote it when it appeared.</summary>
internal sealed record OperatorWarningDto(EventSeverity Level, string Source, string Message, DateTimeOffset Since)
{
    public static OperatorWarningDto From(ActiveWarning active)
    {
        ArgumentNullException.ThrowIfNull(active);
        return new OperatorWarningDto(active.Warning.Level, active.Warning.Source, active.Warning.Message, active.Since);
    }
}
