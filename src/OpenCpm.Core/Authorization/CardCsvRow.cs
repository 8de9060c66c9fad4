using System.Globalization;

namespace OpenCpm.Core.Authorization;

/// <summary>One data line of a card list CSV turned into a <see cref="Card"/>, each bad field reported as a sentence.</summary>
internal static class CardCsvRow
{
    private const int Uid = 0, Name = 1, Expiry = 2, IsMasterCard = 3, Status = 4, ChargePoints = 5;

    /// <param name="fields">The line's fields.</param>
    /// <param name="columns">For each field, the index of its column in <see cref="CardCsv.Header"/> (-1: ignored).</param>
    /// <param name="line">The line number, for the errors.</param>
    /// <param name="report">Receives one sentence per bad field.</param>
    public static Card? Parse(List<string> fields, int[] columns, int line, Action<string> report)
    {
        if (fields.Count != columns.Length)
        {
            report($"Line {line} has {fields.Count} field{(fields.Count == 1 ? "" : "s")} but the header has {columns.Length}.");
            return null;
        }

        var values = new string[6];
        Array.Fill(values, "");
        for (var i = 0; i < fields.Count; i++)
        {
            if (columns[i] >= 0)
            {
                values[columns[i]] = CardCsv.Undefused(fields[i].Trim());
            }
        }

        var ok = true;
        void Bad(string problem)
        {
            report($"Line {line}: {problem}.");
            ok = false;
        }

        if (!CardUid.TryParse(values[Uid], out var uid, out var uidProblem))
        {
            Bad($"'uid' {uidProblem}");
        }

        DateOnly? expiry = null;
        if (values[Expiry].Length > 0)
        {
            if (DateOnly.TryParseExact(values[Expiry], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                expiry = date;
            }
            else
            {
                Bad($"'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is '{Shown(values[Expiry])}'");
            }
        }

        var isMaster = false;
        if (values[IsMasterCard].Length > 0 && !bool.TryParse(values[IsMasterCard], out isMaster))
        {
            Bad($"'isMasterCard' must be true or false but is '{Shown(values[IsMasterCard])}'");
        }

        var status = CardStatus.Accepted;
        if (values[Status].Length > 0 && !TryParseStatus(values[Status], out status))
        {
            Bad($"'status' must be Accepted, Blocked, Expired or Invalid but is '{Shown(values[Status])}'");
        }

        if (!ok)
        {
            return null;
        }

        return new Card
        {
            Uid = uid!,
            Name = values[Name],
            Expiry = expiry,
            IsMasterCard = isMaster,
            Status = status,
            ChargePoints = values[ChargePoints].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        };
    }

    /// <summary>A value as an error message shows it: at most 40 characters, control characters as U+XXXX.</summary>
    public static string Shown(string value)
    {
        var shown = string.Concat(value.Take(40).Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
        return value.Length > 40 ? shown + "…" : shown;
    }

    private static bool TryParseStatus(string text, out CardStatus status)
    {
        foreach (var candidate in Enum.GetValues<CardStatus>())
        {
            if (text.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = CardStatus.Accepted;
        return false;
    }
}
