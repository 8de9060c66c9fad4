using OpenCpm.Core.Configuration;

namespace OpenCpm.Core.Tests.Configuration;

public sealed class IniConfigFileTests
{
    [Fact]
    public void Reads_sections_and_variables_with_their_lines()
    {
        const string text = "; exported by OpenCPM\r\n\r\n[NETWORK]\r\nLocalDHCPServerEnabled = TRUE\r\n# a comment\r\n[OCPP]\r\n  ChargeBoxIdentity=M20-0001  \r\nAuthorizationKey =\r\n";

        var result = IniConfigFile.Parse(text);

        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        var document = result.Document!;
        Assert.Equal(["NETWORK", "OCPP"], document.Sections.Select(s => s.Name));
        Assert.Equal(3, document.Sections[0].Line);
        var dhcp = document.Find("network")!.Find("localdhcpserverenabled")!;
        Assert.Equal(("LocalDHCPServerEnabled", "TRUE", 4), (dhcp.Key, dhcp.Value, dhcp.Line));
        Assert.Equal("M20-0001", document.Find("OCPP")!.Find("ChargeBoxIdentity")!.Value);
        Assert.Equal("", document.Find("OCPP")!.Find("AuthorizationKey")!.Value);
    }

    [Fact]
    public void A_quoted_value_keeps_the_spaces_at_its_ends()
    {
        var section = IniConfigFile.Parse("[DISPLAY]\nText = \"  Plug in \"\nOther = \"a\" b\"\n").Document!.Sections[0];

        Assert.Equal("  Plug in ", section.Find("Text")!.Value);
        Assert.Equal("a\" b", section.Find("Other")!.Value);
    }

    [Fact]
    public void Skips_a_byte_order_mark_and_reads_an_empty_file_as_no_sections()
    {
        Assert.Equal("A", IniConfigFile.Parse("\uFEFF[A]\n").Document!.Sections[0].Name);
        Assert.Empty(IniConfigFile.Parse("").Document!.Sections);
    }

    public static TheoryData<string, string[]> MalformedFiles => new()
    {
        { "Key = 1\n", ["line 1, Key: comes before any [SECTION]; every variable belongs to a section."] },
        { "[OCPP\nA = 1\n", ["line 1: a section header must end with ']' but the line is \"[OCPP\"."] },
        { "[]\n", ["line 1: \"[]\" is not a section name: write [NAME] with letters, digits and spaces."] },
        { "[A [B]]\n", ["line 1: \"[A [B]]\" is not a section name: write [NAME] with letters, digits and spaces."] },
        { "[OCPP]\nChargeBoxIdentity\n", ["line 2, [OCPP]: expected \"Variable = Value\", a [SECTION] or a ; comment but found \"ChargeBoxIdentity\"."] },
        { "[OCPP]\n= 12\n", ["line 2, [OCPP]: the value \"12\" has no variable name before '='."] },
        { "[OCPP]\nUrl = a\nurl = b\n", ["line 3, [OCPP] url: is given a second time (first on line 2); give each variable once."] },
        { "[OCPP]\n[ocpp]\n", ["line 2, [ocpp]: the section appears a second time (first on line 1); write each section once."] },
        { "[A]\nX = 1\0\n", ["line 2: contains a NUL character: this is not a text file."] },
        { "[A]\nX = " + new string('x', 5000) + "\n", ["line 2, [A]: the line has 5004 characters; at most 4096 are allowed."] },
        {
            "[A]\nno equals\n[B\nC = 1\n[D]\nE = 1\nE = 2\n",
            [
                "line 2, [A]: expected \"Variable = Value\", a [SECTION] or a ; comment but found \"no equals\".",
                "line 3: a section header must end with ']' but the line is \"[B\".",
                "line 7, [D] E: is given a second time (first on line 6); give each variable once.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Refuses_a_malformed_file_with_every_problem_naming_its_line(string text, string[] problems)
    {
        var result = IniConfigFile.Parse(text);

        Assert.False(result.IsValid);
        Assert.Null(result.Document);
        Assert.Equal(problems, result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Refuses_a_file_larger_than_a_megabyte()
    {
        var result = IniConfigFile.Parse("[A]\n" + new string(';', IniConfigFile.MaxLength));

        Assert.Equal($"The file has {IniConfigFile.MaxLength + 4} characters; a configuration file has at most {IniConfigFile.MaxLength}.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Stops_after_fifty_problems()
    {
        var result = IniConfigFile.Parse(string.Concat(Enumerable.Repeat("garbage\n", 200)));

        Assert.Equal(IniConfigFile.MaxProblems, result.Problems.Count);
    }

    [Fact]
    public void Writes_comments_sections_and_variables_that_read_back_the_same()
    {
        var document = new IniDocument(
        [
            new IniSection("OCPP", [new IniEntry("ChargeBoxIdentity", "M20-1"), new IniEntry("AuthorizationKey", "") { Comment = "secret: exported empty" }])
            {
                Comment = "the backend",
            },
            new IniSection("DISPLAY", [new IniEntry("Text", " spaced "), new IniEntry("Quoted", "\"q\"")]),
        ])
        {
            Comment = "OpenCPM configuration\ncontroller 12345678",
        };

        var text = IniConfigFile.Write(document);

        Assert.Equal(
            "; OpenCPM configuration\n; controller 12345678\n\n; the backend\n[OCPP]\nChargeBoxIdentity = M20-1\n; secret: exported empty\nAuthorizationKey = \n\n[DISPLAY]\nText = \" spaced \"\nQuoted = \"\"q\"\"\n",
            text);
        var read = IniConfigFile.Parse(text).Document!;
        Assert.Equal(
            document.Sections.SelectMany(s => s.Entries.Select(e => (s.Name, e.Key, e.Value))),
            read.Sections.SelectMany(s => s.Entries.Select(e => (s.Name, e.Key, e.Value))));
    }

    [Theory]
    [InlineData("bad=key")]
    [InlineData(";comment")]
    [InlineData(" padded")]
    [InlineData("")]
    public void Refuses_to_write_a_variable_name_that_would_not_read_back(string key)
    {
        var document = new IniDocument([new IniSection("A", [new IniEntry(key, "1")])]);

        Assert.Throws<ArgumentException>(() => IniConfigFile.Write(document));
    }

    [Fact]
    public void Refuses_to_write_a_value_with_a_line_break()
    {
        var document = new IniDocument([new IniSection("A", [new IniEntry("K", "two\nlines")])]);

        Assert.Throws<ArgumentException>(() => IniConfigFile.Write(document));
    }
}
