using OpenCpm.Core.Configuration;

namespace OpenCpm.Core.Tests.Configuration;

public sealed class IniSectionReaderTests
{
    private enum Mode
    {
        FirstLocal,
        OnlyLocal,
    }

    [Fact]
    public void Reads_typed_values_and_keeps_the_fallback_for_what_the_file_leaves_out()
    {
        var (reader, problems) = Read("[LOADMANAGEMENT]\nMaxCurrentA = 63.5\nMaxPowerW =\nClustersEnabled = true\nRotation = 900\nMode = onlylocal\nName = garage\nKey =\n");

        Assert.Equal(63.5, reader.Number("MaxCurrentA", 32, 0, 10000));
        Assert.Null(reader.OptionalNumber("MaxPowerW", 11000, 0, 1e7));
        Assert.Equal(11000, reader.OptionalNumber("Absent", 11000, 0, 1e7));
        Assert.True(reader.Bool("ClustersEnabled", false));
        Assert.Equal(900, reader.WholeNumber("Rotation", 0, 0, 86400));
        Assert.Equal(Mode.OnlyLocal, reader.Choice("Mode", Mode.FirstLocal));
        Assert.Equal("garage", reader.Text("Name", null, 64));
        Assert.Equal("stored", reader.Secret("Key", "stored", 64));
        Assert.Equal(6, reader.Number("MinChargingCurrentA", 6, 6, 32));
        Assert.Empty(problems);
        Assert.Empty(reader.Unread);
    }

    [Fact]
    public void Lists_the_variables_nobody_read()
    {
        var (reader, _) = Read("[OCPP]\nUrl = ws://x\nTypo = 1\n");

        reader.Text("Url", null, 100);

        Assert.Equal(("Typo", 3), reader.Unread.Select(e => (e.Key, e.Line)).Single());
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { "Flag = maybe", "line 2, [S] Flag: must be TRUE or FALSE but is \"maybe\"." },
        { "Whole = 1.5", "line 2, [S] Whole: must be a whole number from 0 to 10 but is \"1.5\"." },
        { "Whole = 11", "line 2, [S] Whole: must be a whole number from 0 to 10 but is \"11\"." },
        { "Amps = 6,5", "line 2, [S] Amps: must be a number from 0 to 100 but is \"6,5\" (write decimals with a point, not a comma)." },
        { "Amps = NaN", "line 2, [S] Amps: must be a number from 0 to 100 but is \"NaN\"." },
        { "Optional = x", "line 2, [S] Optional: must be a number from 0 to 100, or empty for none, but is \"x\"." },
        { "Mode = 1", "line 2, [S] Mode: must be one of FirstLocal, OnlyLocal but is \"1\"." },
        { "Name = abcdefghijk", "line 2, [S] Name: must have at most 10 characters but has 11." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_that_cant_be_read_is_a_problem_naming_line_section_and_variable(string line, string problem)
    {
        var (reader, problems) = Read("[S]\n" + line + "\n");

        Assert.True(reader.Bool("Flag", true));
        Assert.Equal(5, reader.WholeNumber("Whole", 5, 0, 10));
        Assert.Equal(7, reader.Number("Amps", 7, 0, 100));
        Assert.Equal(8, reader.OptionalNumber("Optional", 8, 0, 100));
        Assert.Equal(Mode.FirstLocal, reader.Choice("Mode", Mode.FirstLocal));
        Assert.Equal("kept", reader.Text("Name", "kept", 10));
        Assert.Equal(problem, Assert.Single(problems).ToString());
    }

    private static (IniSectionReader Reader, List<IniProblem> Problems) Read(string text)
    {
        var problems = new List<IniProblem>();
        return (new IniSectionReader(IniConfigFile.Parse(text).Document!.Sections[0], problems), problems);
    }
}
