using System.Globalization;
using System.Text;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The clusters as CSV (manual 8.1.4, export and import): the header <c>alias,maxCurrentA,phases,minChargingCurrentA</c>,
/// one cluster per line; phases space-separated (<c>L1 L2 L3</c>; empty = all three), the minimum current empty when
/// the site's applies. Import accepts <c>,</c> or <c>;</c>, a byte order mark and blank lines, and is all-or-nothing:
/// every line that can't be read is named. Whether the clusters make a valid site is the validator's call.
/// </summary>
public static class ClusterCsv
{
    public const string Header = "alias,maxCurrentA,phases,minChargingCurrentA";

    private static readonly string[] Columns = Header.Split(',');

    public static string Export(IEnumerable<ClusterSettings> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var c in clusters)
        {
            text.Append(SessionCsv.Field(SessionCsv.Text(c.Id))).Append(',')
                .Append(c.MaxCurrentA.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(string.Join(' ', c.Phases.Phases())).Append(',')
                .Append(c.MinChargingCurrentA?.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return text.ToString();
    }

    public static ClusterCsvResult Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var reader = new CsvRecordReader(text, CsvRecordReader.DetectDelimiter(text));
        if (!reader.TryRead(out var line, out var fields, out var error) || error is not null
            || fields.Count != Columns.Length || !fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            return new([], [$"The first line must be the header {Header}."]);
        }

        var clusters = new List<ClusterSettings>();
        var errors = new List<string>();
        while (reader.TryRead(out line, out fields, out error))
        {
            if (error is not null)
            {
                errors.Add(F($"line {line}: {error}"));
            }
            else if (!fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                var cluster = Parse(fields, line, errors);
                if (cluster is not null)
                {
                    clusters.Add(cluster);
                }
            }
        }

        return errors.Count > 0 ? new([], errors) : new(clusters, []);
    }

    private static ClusterSettings? Parse(List<string> fields, int line, List<string> errors)
    {
        if (fields.Count != Columns.Length)
        {
            errors.Add(F($"line {line}: expected {Columns.Length} fields but found {fields.Count}."));
            return null;
        }

        var before = errors.Count;
        var alias = fields[0].Trim();
        var max = Number(fields[1], "maxCurrentA", line, errors);
        var phases = PhaseSet.None;
        foreach (var name in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Length == 2 && name[0] is 'L' or 'l' && Enum.TryParse<Phase>(name, ignoreCase: true, out var phase) && Enum.IsDefined(phase))
            {
                phases = phases.Union(PhaseSet.Of(phase));
            }
            else
            {
                errors.Add(F($"line {line}: 'phases' must list L1, L2 and/or L3 but has \"{name}\"."));
            }
        }

        var min = string.IsNullOrWhiteSpace(fields[3]) ? (double?)null : Number(fields[3], "minChargingCurrentA", line, errors);
        return errors.Count > before ? null : new ClusterSettings
        {
            Id = alias,
            MaxCurrentA = max,
            Phases = phases.IsEmpty ? PhaseSet.AllThree : phases,
            MinChargingCurrentA = min,
        };
    }

    private static double Number(string field, string column, int line, List<string> errors)
    {
        if (double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(F($"line {line}: '{column}' must be a number of amperes but is \"{field.Trim()}\"."));
        return 0;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
