using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCpm.Core.Configuration;

namespace OpenCpm.Core.Tests.Configuration;

public sealed class IniRoundTripPropertyTests
{
    [Property(Arbitrary = [typeof(IniArbitrary)], MaxTest = 300)]
    public void Any_writable_document_reads_back_with_the_same_sections_and_values(IniDocument document)
    {
        var text = IniConfigFile.Write(document);

        var result = IniConfigFile.Parse(text);

        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        Assert.Equal(Flatten(document), Flatten(result.Document!));
        Assert.Equal(text, IniConfigFile.Write(result.Document! with { Comment = document.Comment }));
    }

    private static IEnumerable<(string, string, string)> Flatten(IniDocument document) =>
        document.Sections.SelectMany(s => s.Entries.Select(e => (s.Name, e.Key, e.Value)));

    public static class IniArbitrary
    {
        private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_. ";
        private const string ValueChars = "abcXYZ019 =;#[]\"'.,:/\\é€$\t";

        public static Arbitrary<IniDocument> Documents() => Gen.Sized(size =>
            from count in Gen.Choose(0, Math.Min(6, size + 1))
            from sections in Gen.ListOf(Section(), count)
            from comment in Gen.Elements<string?>(null, "header", "two\nlines")
            select new IniDocument([.. sections.DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)]) { Comment = comment }).ToArbitrary();

        private static Gen<string> Name() =>
            from chars in Gen.NonEmptyListOf(Gen.Elements(Letters.ToCharArray()))
            let name = new string([.. chars]).Trim()
            where name.Length > 0 && name[0] is not (';' or '#' or '[')
            select name;

        private static Gen<IniSection> Section() =>
            from name in Name()
            from keys in Gen.ListOf(Name())
            from values in Gen.ListOf(Value(), keys.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            select new IniSection(name, [.. keys.Distinct(StringComparer.OrdinalIgnoreCase).Zip(values, (k, v) => new IniEntry(k, v))]);

        private static Gen<string> Value() =>
            from chars in Gen.ListOf(Gen.Elements(ValueChars.ToCharArray()))
            select new string([.. chars]);
    }
}
