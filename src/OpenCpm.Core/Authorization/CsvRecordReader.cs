using System.Text;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// Reads RFC 4180 records: fields split by the delimiter, records by CRLF, LF or CR; a field in double quotes may hold
/// the delimiter, line breaks and doubled quotes. Spaces around a quoted field are allowed. Each record remembers the
/// line it starts on, so errors can name it even after quoted line breaks.
/// </summary>
internal sealed class CsvRecordReader(string text, char delimiter)
{
    private readonly StringBuilder _field = new();
    private int _position;
    private int _line = 1;

    /// <summary>The header's column names, once known, so that errors name the field rather than number it.</summary>
    public IReadOnlyList<string>? Columns { get; set; }

    /// <summary>The delimiter of a file: ';' when the first line with text has more of them than ',' (outside quotes).</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        var seenText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (seenText)
                {
                    break;
                }
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }

            seenText |= !char.IsWhiteSpace(c);
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// The next record and the line it starts on; false at the end of the text. A malformed record sets
    /// <paramref name="error"/> (a sentence) and ends reading.
    /// </summary>
    public bool TryRead(out int line, out List<string> fields, out string? error)
    {
        line = _line;
        fields = [];
        error = null;
        if (_position >= text.Length)
        {
            return false;
        }

        while (true)
        {
            var field = ReadField(line, fields.Count, out error);
            if (error is not null)
            {
                _position = text.Length;
                return true;
            }

            fields.Add(field);
            if (_position >= text.Length)
            {
                return true;
            }

            var c = text[_position++];
            if (c != delimiter)
            {
                // A line break ends the record.
                if (c == '\r' && _position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }

                _line++;
                return true;
            }
        }
    }

    private string ReadField(int recordLine, int index, out string? error)
    {
        error = null;
        var start = _position;
        SkipSpaces();
        if (_position < text.Length && text[_position] == '"')
        {
            return ReadQuoted(recordLine, index, out error);
        }

        _position = start;
        while (_position < text.Length && text[_position] is var c && c != delimiter && c is not ('\r' or '\n'))
        {
            if (c == '"')
            {
                error = $"Line {_line}: {Name(index)} has a quote but does not start with one; put the whole field in quotes and double the quotes inside.";
                return "";
            }

            _position++;
        }

        return text[start.._position];
    }

    private string ReadQuoted(int recordLine, int index, out string? error)
    {
        error = null;
        var openedOn = _line;
        _position++;
        _field.Clear();
        while (true)
        {
            if (_position >= text.Length)
            {
                error = $"Line {openedOn}: the quotes around {Name(index)} are never closed.";
                return "";
            }

            var c = text[_position++];
            if (c == '"')
            {
                if (_position < text.Length && text[_position] == '"')
                {
                    _field.Append('"');
                    _position++;
                    continue;
                }

                break;
            }

            if (c == '\n' || (c == '\r' && (_position >= text.Length || text[_position] != '\n')))
            {
                _line++;
            }

            _field.Append(c);
        }

        SkipSpaces();
        if (_position < text.Length && text[_position] is var next && next != delimiter && next is not ('\r' or '\n'))
        {
            error = $"Line {recordLine}: {Name(index)} has text after its closing quote; double the quotes inside a quoted field.";
        }

        return _field.ToString();
    }

    private void SkipSpaces()
    {
        while (_position < text.Length && text[_position] is ' ' or '\t' && text[_position] != delimiter)
        {
            _position++;
        }
    }

    private string Name(int index) =>
        Columns is { } columns && index < columns.Count && columns[index].Length > 0 ? $"field '{columns[index]}'" : $"field {index + 1}";
}
