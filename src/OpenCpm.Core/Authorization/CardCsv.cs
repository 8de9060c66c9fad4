using System.Globalization;
using System.Text;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// The card list as CSV (interfaces.md "Card list CSV"). Export writes the header
/// <c>uid,name,expiry,isMasterCard,status,chargePoints</c> and one card per line, RFC 4180 with CRLF; expiry as
/// <c>yyyy-MM-dd</c> or empty, isMasterCard <c>true</c>/<c>false</c>, chargePoints space-separated. Text that a spreadsheet
/// would run as a formula gets a leading apostrophe as in <see cref="SessionCsv"/>, and so does text that starts with an
/// apostrophe; import removes that one apostrophe again, so export then import gives back the same cards.
/// <para>
/// Import takes UTF-8 with or without a byte order mark; the header's columns in any order and any case (unknown
/// columns are refused, so that a misspelt "status" cannot silently accept every card; columns with an empty name are
/// ignored); <c>,</c> or <c>;</c> as the delimiter, whichever the header uses; fields trimmed; lines with no text
/// skipped. Only <c>uid</c> is required: a missing column or an empty field means the default (no name, no expiry, not
/// the master card, Accepted, all charge points). It is all-or-nothing: the result is the complete new list, or errors
/// that each name the line and the field (at most <see cref="CardList.MaxReportedProblems"/>).
/// </para>
/// </summary>
public static class CardCsv
{
    public const string Header = "uid,name,expiry,isMasterCard,status,chargePoints";

    private static readonly string[] Columns = Header.Split(',');

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Export(CardList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var text = new StringBuilder((list.Count + 1) * 64);
        text.Append(Header).Append("\r\n");
        foreach (var card in list.Cards)
        {
            text.Append(SessionCsv.Field(Defused(card.Uid.Value))).Append(',')
                .Append(SessionCsv.Field(Defused(card.Name))).Append(',')
                .Append(card.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(card.IsMasterCard ? "true" : "false").Append(',')
                .Append(card.Status).Append(',')
                .Append(SessionCsv.Field(Defused(string.Join(' ', card.ChargePoints)))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Imports UTF-8 bytes (a byte order mark is allowed) into a new version of <paramref name="current"/>.</summary>
    public static CardListResult Import(ReadOnlySpan<byte> utf8, CardList current)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            return CardListResult.Failure($"The file is not UTF-8 text: byte {e.Index + 1} is invalid.");
        }

        return Import(text, current);
    }

    /// <summary>
    /// Imports CSV text: on success the result is <paramref name="current"/> with every card replaced (its version
    /// counted up), else the errors and <paramref name="current"/> stays as it was.
    /// </summary>
    public static CardListResult Import(string text, CardList current)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(current);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var reader = new CsvRecordReader(text, CsvRecordReader.DetectDelimiter(text));
        var errors = new List<(int Line, string Text)>();
        int line;
        List<string> fields;
        string? error;
        do
        {
            if (!reader.TryRead(out line, out fields, out error))
            {
                return CardListResult.Failure($"The file is empty; its first line must be the header {Header}.");
            }
        }
        while (error is null && IsBlank(fields));

        var headerProblem = error ?? HeaderProblem(fields, line);
        if (headerProblem.Length > 0)
        {
            return CardListResult.Failure(headerProblem);
        }

        var columns = MapColumns(fields);
        reader.Columns = [.. fields.Select(f => f.Trim())];
        var cards = new List<Card>();
        var lines = new List<int>();
        while (errors.Count < CardList.MaxReportedProblems && cards.Count <= CardList.MaxCards && reader.TryRead(out line, out fields, out error))
        {
            if (error is not null)
            {
                errors.Add((line, error));
            }
            else if (!IsBlank(fields))
            {
                if (CardCsvRow.Parse(fields, columns, line, problem => errors.Add((line, problem))) is { } card)
                {
                    cards.Add(card);
                    lines.Add(line);
                }
            }
        }

        errors.AddRange(CardListValidator.Check(cards, i => $"line {lines[i]}", CardList.MaxReportedProblems)
            .Select(p => (lines[p.Index], p.Text)));
        if (errors.Count > 0)
        {
            return CardListResult.Failure([.. errors.OrderBy(e => e.Line).Take(CardList.MaxReportedProblems).Select(e => e.Text)]);
        }

        return current.ReplaceAll(cards);
    }

    /// <summary>Text as exported: a leading apostrophe when it starts like a formula or with an apostrophe.</summary>
    internal static string Defused(string text) => text.StartsWith('\'') ? "'" + text : SessionCsv.Text(text);

    /// <summary>Undoes <see cref="Defused"/>.</summary>
    internal static string Undefused(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'' ? text[1..] : text;

    private static bool IsBlank(List<string> fields) => fields.TrueForAll(string.IsNullOrWhiteSpace);

    /// <summary>For each column of the file, the index of the known column it is (-1: ignored).</summary>
    private static int[] MapColumns(List<string> fields) =>
        [.. fields.Select(f => Array.FindIndex(Columns, c => string.Equals(c, f.Trim(), StringComparison.OrdinalIgnoreCase)))];

    /// <summary>What is wrong with the header, or "".</summary>
    private static string HeaderProblem(List<string> fields, int line)
    {
        var map = MapColumns(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim();
            if (name.Length > 0 && map[i] < 0)
            {
                return $"Line {line}: the column '{CardCsvRow.Shown(name)}' is unknown; the columns are {string.Join(", ", Columns)}.";
            }

            if (map[i] >= 0 && Array.IndexOf(map, map[i]) < i)
            {
                return $"Line {line}: the column '{Columns[map[i]]}' appears twice.";
            }
        }

        return map.Contains(0) ? "" : $"Line {line}: the header has no 'uid' column; the columns are {string.Join(", ", Columns)}.";
    }
}
