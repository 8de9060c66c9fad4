using System.Globalization;
using System.Text;

namespace OpenCpm.Core.Configuration;

/// <summary>
/// The configuration file of the manual (chapter 7): <c>[NAME]</c> sections and <c>Variable = Value</c> lines, text in
/// and model out (and back). Lines starting with <c>;</c> or <c>#</c> are comments; a value may be written in double
/// quotes to keep spaces at its ends. A file is read whole or not at all: every problem is reported with its line.
/// </summary>
public static class IniConfigFile
{
    public const int MaxLength = 1024 * 1024;
    public const int MaxLineLength = 4096;
    public const int MaxProblems = 50;

    public static IniParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return Fail(new IniProblem(0, null, null, string.Create(CultureInfo.InvariantCulture,
                $"The file has {text.Length} characters; a configuration file has at most {MaxLength}.")));
        }

        var problems = new List<IniProblem>();
        var sections = new List<IniSection>();
        var firstLineOfSection = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? currentName = null;
        var currentLine = 0;
        List<IniEntry>? entries = null;
        Dictionary<string, int>? keys = null;
        var inBadSection = false;
        var lines = (text.StartsWith('\uFEFF') ? text[1..] : text).Split('\n');
        for (var i = 0; i < lines.Length && problems.Count < MaxProblems; i++)
        {
            var number = i + 1;
            var raw = lines[i].TrimEnd('\r');
            if (raw.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add(new IniProblem(number, null, null, "contains a NUL character: this is not a text file."));
                break;
            }

            if (raw.Length > MaxLineLength)
            {
                problems.Add(new IniProblem(number, currentName, null, string.Create(CultureInfo.InvariantCulture,
                    $"the line has {raw.Length} characters; at most {MaxLineLength} are allowed.")));
                continue;
            }

            var line = raw.Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                Close();
                var name = line.EndsWith(']') ? line[1..^1].Trim() : null;
                if (name is null)
                {
                    problems.Add(new IniProblem(number, null, null, $"a section header must end with ']' but the line is \"{Shorten(line)}\"."));
                }
                else if (name.Length == 0 || name.IndexOfAny(['[', ']']) >= 0)
                {
                    problems.Add(new IniProblem(number, null, null, $"\"{Shorten(line)}\" is not a section name: write [NAME] with letters, digits and spaces."));
                }
                else if (!firstLineOfSection.TryAdd(name, number))
                {
                    problems.Add(new IniProblem(number, name, null, string.Create(CultureInfo.InvariantCulture,
                        $"the section appears a second time (first on line {firstLineOfSection[name]}); write each section once.")));
                }
                else
                {
                    (currentName, currentLine, entries, keys, inBadSection) = (name, number, [], new(StringComparer.OrdinalIgnoreCase), false);
                    continue;
                }

                // A bad header was reported: the lines under it are not read into any section.
                inBadSection = true;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problems.Add(new IniProblem(number, currentName, null,
                    $"expected \"Variable = Value\", a [SECTION] or a ; comment but found \"{Shorten(line)}\"."));
                continue;
            }

            var key = line[..equals].Trim();
            var value = Unquote(line[(equals + 1)..].Trim());
            if (key.Length == 0)
            {
                problems.Add(new IniProblem(number, currentName, null, $"the value \"{Shorten(value)}\" has no variable name before '='."));
            }
            else if (entries is null || keys is null)
            {
                if (!inBadSection)
                {
                    problems.Add(new IniProblem(number, null, key, "comes before any [SECTION]; every variable belongs to a section."));
                }
            }
            else if (!keys.TryAdd(key, number))
            {
                problems.Add(new IniProblem(number, currentName, key, string.Create(CultureInfo.InvariantCulture,
                    $"is given a second time (first on line {keys[key]}); give each variable once.")));
            }
            else
            {
                entries.Add(new IniEntry(key, value) { Line = number });
            }
        }

        Close();
        return problems.Count > 0 ? new IniParseResult(null, problems) : new IniParseResult(new IniDocument(sections), []);

        void Close()
        {
            if (currentName is not null && entries is not null)
            {
                sections.Add(new IniSection(currentName, entries) { Line = currentLine });
            }

            (currentName, entries, keys) = (null, null, null);
        }
    }

    /// <summary>The file's text: comments, then each section with its entries, LF line ends, a blank line between sections.</summary>
    public static string Write(IniDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        WriteComment(text, document.Comment);
        foreach (var section in document.Sections)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            WriteComment(text, section.Comment);
            if (!IsWritableName(section.Name))
            {
                throw new ArgumentException($"\"{section.Name}\" can't be written as a section name.", nameof(document));
            }

            text.Append('[').Append(section.Name).Append("]\n");
            foreach (var entry in section.Entries)
            {
                if (!IsWritableKey(entry.Key) || !IsWritableValue(entry.Value))
                {
                    throw new ArgumentException($"[{section.Name}] \"{entry.Key}\" can't be written as a variable with its value.", nameof(document));
                }

                WriteComment(text, entry.Comment);
                text.Append(entry.Key).Append(" = ").Append(Quote(entry.Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="key"/> can be written as a variable name and read back unchanged.</summary>
    public static bool IsWritableKey(string key) =>
        key.Length > 0 && key == key.Trim() && key[0] is not (';' or '#' or '[') && key.IndexOfAny(['=', '\n', '\r', '\0']) < 0;

    /// <summary>Whether <paramref name="value"/> can be written on one line and read back unchanged.</summary>
    public static bool IsWritableValue(string value) => value.IndexOfAny(['\n', '\r', '\0']) < 0;

    private static bool IsWritableName(string name) =>
        name.Length > 0 && name == name.Trim() && name.IndexOfAny(['[', ']', '\n', '\r', '\0']) < 0;

    private static void WriteComment(StringBuilder text, string? comment)
    {
        if (comment is null)
        {
            return;
        }

        foreach (var line in comment.Split('\n'))
        {
            text.Append("; ").Append(line.TrimEnd('\r')).Append('\n');
        }
    }

    private static string Quote(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value[0] == '"') ? $"\"{value}\"" : value;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static IniParseResult Fail(IniProblem problem) => new(null, [problem]);
}
