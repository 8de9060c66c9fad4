using System.Text;
using FsCheck.Xunit;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class CardCsvPropertyTests
{
    [Property(Arbitrary = [typeof(CardListArbitrary)], MaxTest = 300)]
    public void Export_then_import_gives_back_the_same_cards(CardListCase listCase)
    {
        var csv = CardCsv.Export(listCase.List);

        var imported = CardCsv.Import(csv, CardList.Empty);

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Errors));
        Assert.Equal(listCase.List.Cards, imported.Value.Cards);
        Assert.Equal(csv, CardCsv.Export(imported.Value));
    }

    [Property(Arbitrary = [typeof(CardListArbitrary)], MaxTest = 100)]
    public void Export_then_import_survives_a_byte_order_mark_and_LF_line_ends(CardListCase listCase)
    {
        var csv = CardCsv.Export(listCase.List);
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + csv.Replace("\r\n", "\n", StringComparison.Ordinal));

        var imported = CardCsv.Import(bytes, CardList.Empty);

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Errors));
        Assert.Equal(listCase.List.Cards, imported.Value.Cards);
    }

    [Property(Arbitrary = [typeof(CardListArbitrary)], MaxTest = 300)]
    public void The_list_finds_a_card_exactly_when_one_matches_the_presented_tag(CardListCase listCase, CardUid presented)
    {
        var list = listCase.List;
        foreach (var tag in Variants(list, presented))
        {
            var found = list.Match(tag);
            var anyMatches = list.Cards.Any(c => c.Uid.Matches(tag));

            Assert.Equal(anyMatches, found is not null);
            Assert.True(found is null || found.Uid.Matches(tag), $"{found?.Uid} does not match {tag}");
        }
    }

    /// <summary>The random tag, and each card's UID as a KEBA station and a phone app would read it.</summary>
    private static IEnumerable<CardUid> Variants(CardList list, CardUid presented)
    {
        yield return presented;
        foreach (var card in list.Cards)
        {
            yield return card.Uid;
            foreach (var tag in new[] { card.Uid.KebaTag, card.Uid.ReversedKebaTag })
            {
                if (tag is not null)
                {
                    yield return CardUid.Parse(tag);
                    yield return CardUid.FromStationTag(tag) ?? card.Uid;
                }
            }
        }
    }
}
