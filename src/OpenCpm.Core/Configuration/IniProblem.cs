using System.Globalization;

namespace OpenCpm.Core.Configuration;

/// <summary>
/// What is wrong with a configuration file, naming the line and, when there is one, the section and the variable:
/// <c>line 12, [OCPP] HeartbeatIntervalSeconds: must be a whole number from 10 to 86400 but is "abc"</c>.
/// </summary>
public sealed record IniProblem(int Line, string? Section, string? Key, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {Line}") : "";
        var what = (Section, Key) switch
        {
            ({ } s, { } k) => $"[{s}] {k}",
            ({ } s, null) => $"[{s}]",
            (null, { } k) => k,
            _ => "",
        };
        var prefix = string.Join(", ", new[] { where, what }.Where(p => p.Length > 0));
        return prefix.Length == 0 ? Message : $"{prefix}: {Message}";
    }
}
