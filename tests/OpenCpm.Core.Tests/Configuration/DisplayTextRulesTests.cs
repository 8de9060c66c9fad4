using OpenCpm.Core.Configuration;

namespace OpenCpm.Core.Tests.Configuration;

public sealed class DisplayTextRulesTests
{
    [Theory]
    [InlineData("Plug in", "Plug in")]
    [InlineData("  Charging...  ", "Charging...")]
    [InlineData("Wait  for  power", "Wait for power")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("", "")]
    public void Accepts_plain_texts_of_at_most_20_characters(string text, string shown)
    {
        var check = DisplayTextRules.Check(text);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(shown, check.Text);
        Assert.Empty(check.RemovedUnits);
    }

    [Theory]
    [InlineData("Charged 12 kWh", "Charged 12", new[] { "kWh" })]
    [InlineData("12kWh today", "12 today", new[] { "kWh" })]
    [InlineData("Wh left", "left", new[] { "Wh" })]
    [InlineData("KWH and wh", "and", new[] { "kWh", "Wh" })]
    [InlineData("White car", "White car", new string[0])]
    [InlineData("kWhite", "kWhite", new string[0])]
    public void Takes_the_units_Wh_and_kWh_out_of_a_text_and_says_which(string text, string shown, string[] removed)
    {
        var check = DisplayTextRules.Check(text);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(shown, check.Text);
        Assert.Equal(removed, check.RemovedUnits);
    }

    [Theory]
    [InlineData("123456789012345678901", "\"123456789012345678901\" has 21 characters: a display text has at most 20")]
    [InlineData("Carte refusée", "\"Carte refusée\" contains 'é' (U+00E9): a display text may hold only letters A-Z, digits, spaces and . , : ! ? -")]
    [InlineData("50% done", "\"50% done\" contains '%' (U+0025): a display text may hold only letters A-Z, digits, spaces and . , : ! ? -")]
    [InlineData("a$b", "\"a$b\" contains '$' (U+0024): a display text may hold only letters A-Z, digits, spaces and . , : ! ? -")]
    [InlineData("tab\there", "\"tab\there\" contains '\t' (U+0009): a display text may hold only letters A-Z, digits, spaces and . , : ! ? -")]
    public void Refuses_long_texts_and_special_characters_with_a_sentence(string text, string problem)
    {
        Assert.Equal(problem, DisplayTextRules.Check(text).Problem);
    }

    [Fact]
    public void Counts_the_length_after_taking_the_units_out()
    {
        var check = DisplayTextRules.Check("Energy counter in kWh");

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal("Energy counter in", check.Text);
    }
}
