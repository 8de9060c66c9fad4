using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class CardListTests
{
    private static Card Card(string uid, string name = "", bool master = false, params string[] chargePoints) =>
        new() { Uid = CardUid.Parse(uid), Name = name, IsMasterCard = master, ChargePoints = chargePoints };

    private static IEnumerable<Card> Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => Card($"{i:X8}", $"card {i}"));

    [Fact]
    public void Holds_1000_cards()
    {
        var result = CardList.Create(Numbered(1000));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(1000, result.Value.Count);
    }

    [Fact]
    public void Refuses_card_1001_naming_it()
    {
        var result = CardList.Create(Numbered(1001));
        Assert.Equal(["Card 000003E9 (card 1001) is card 1,001: a list holds at most 1,000 cards."], result.Errors);
    }

    [Fact]
    public void Adding_the_1001st_card_is_refused_and_the_list_stays_as_it_was()
    {
        var full = CardList.Create(Numbered(1000)).Value;
        var result = full.Add(Card("FFFFFFFF"));
        Assert.False(result.Succeeded);
        Assert.Equal(1000, full.Count);
        Assert.Null(full.Find(CardUid.Parse("FFFFFFFF")));
    }

    [Fact]
    public void Refuses_a_uid_twice_after_normalization()
    {
        var result = CardList.Create([Card("04a1b2c3", "Alice"), Card("04:A1:B2:C3", "Bob")]);
        Assert.Equal(["Card 04A1B2C3 (Bob): 'uid' 04A1B2C3 is already the uid of card 04A1B2C3 (Alice)."], result.Errors);
        Assert.Equal("Card 04A1B2C3 (Alice) is already in the list.", Assert.Single(CardList.Create([Card("04A1B2C3", "Alice")]).Value.Add(Card("04a1b2c3")).Errors));
    }

    [Fact]
    public void Refuses_two_uids_a_KEBA_station_cannot_tell_apart()
    {
        var result = CardList.Create([Card("E3F76B8D", "Alice"), Card("E3F76B8D00", "Bob")]);
        Assert.Equal(["Card E3F76B8D00 (Bob): 'uid' E3F76B8D00 reads as the same KEBA tag e3f76b8d00000000 as the uid E3F76B8D of card E3F76B8D (Alice)."], result.Errors);
    }

    [Fact]
    public void Allows_one_master_card_and_refuses_a_second()
    {
        var one = CardList.Create([Card("01", "Boss", master: true), Card("02")]).Value;
        Assert.Equal("Boss", one.MasterCard?.Name);

        var two = one.Add(Card("03", "Deputy", master: true));
        Assert.Equal(["Card 03 (Deputy): 'isMasterCard' is true but card 01 (Boss) is already the master card, and there may be only one."], two.Errors);

        var moved = one.Replace(CardUid.Parse("01"), Card("01", "Boss")).Value.Replace(CardUid.Parse("02"), Card("02", master: true)).Value;
        Assert.Equal("02", moved.MasterCard?.Uid.Value);
    }

    public static TheoryData<Card, string> BadCards => new()
    {
        { Card("01", new string('x', 101)), "Card 01 (" + new string('x', 101) + "): 'name' must be at most 100 characters but has 101." },
        { Card("01", " Alice"), "Card 01 ( Alice): 'name' must not start or end with white space." },
        { Card("01", "Al\nice"), "Card 01 (Al\nice): 'name' must not contain control, line-break or text-direction characters but has U+000A at position 3." },
        { Card("01", "Al\u202Eice"), "Card 01 (Al\u202Eice): 'name' must not contain control, line-break or text-direction characters but has U+202E at position 3." },
        { Card("01", "A\uD800"), "Card 01 (A\uD800): 'name' must not contain control, line-break or text-direction characters but has U+D800 at position 2." },
        { Card("01", "", false, "cp 1"), "Card 01: 'chargePoints' entry 'cp 1' must be an id or serial without spaces or control characters." },
        { Card("01", "", false, ""), "Card 01: 'chargePoints' has an empty entry." },
        { Card("01", "", false, "cp1", "CP1"), "Card 01: 'chargePoints' names 'CP1' twice." },
        { Card("01", "", false, new string('c', 65)), "Card 01: 'chargePoints' entry 'cccccccccccccccc…' must be at most 64 characters but has 65." },
        { Card("01") with { Status = (CardStatus)7 }, "Card 01: 'status' must be Accepted, Blocked, Expired or Invalid but is 7." },
    };

    [Theory]
    [MemberData(nameof(BadCards))]
    public void Refuses_a_bad_field_with_a_sentence_naming_the_card_and_the_field(Card card, string error)
    {
        Assert.Equal([error], CardList.Empty.Add(card).Errors);
    }

    [Fact]
    public void Accepts_names_in_any_script_with_emoji_and_punctuation()
    {
        var card = Card("01", "Zoë, \"la\"; 東京 👩‍🔧 =1+1");
        Assert.True(CardList.Empty.Add(card).Succeeded);
    }

    [Fact]
    public void Every_operator_change_counts_the_version_up_and_leaves_the_old_list_alone()
    {
        var v1 = CardList.Empty.Add(Card("01", "one")).Value;
        var v2 = v1.Add(Card("02", "two")).Value;
        var v3 = v2.Replace(CardUid.Parse("01"), Card("0A", "one again")).Value;
        var v4 = v3.Remove(CardUid.Parse("02")).Value;
        var v5 = v4.ReplaceAll([Card("05")]).Value;

        Assert.Equal([1, 2, 3, 4, 5], new[] { v1, v2, v3, v4, v5 }.Select(l => l.Version));
        Assert.Equal(["01"], v1.Cards.Select(c => c.Uid.Value));
        Assert.Equal(["0A", "02"], v3.Cards.Select(c => c.Uid.Value));
        Assert.Equal(["0A"], v4.Cards.Select(c => c.Uid.Value));
        Assert.Equal(["05"], v5.Cards.Select(c => c.Uid.Value));
        Assert.Equal(0, CardList.Empty.LocalListVersion);
    }

    [Fact]
    public void Replacing_or_removing_a_card_that_is_not_there_says_so()
    {
        Assert.Equal(["There is no card 09 in the list."], CardList.Empty.Remove(CardUid.Parse("09")).Errors);
        Assert.Equal(["There is no card 09 in the list."], CardList.Empty.Replace(CardUid.Parse("09"), Card("09")).Errors);
    }

    [Fact]
    public void A_callers_charge_point_list_changing_later_does_not_change_the_stored_card()
    {
        var chargePoints = new List<string> { "cp1" };
        var list = CardList.Empty.Add(new Card { Uid = CardUid.Parse("01"), ChargePoints = chargePoints }).Value;
        chargePoints.Add("cp2");
        Assert.Equal(["cp1"], list.Cards[0].ChargePoints);
    }

    [Fact]
    public void A_full_update_from_the_backend_takes_its_version()
    {
        var list = CardList.Empty.ReplaceAll([Card("01"), Card("02")], version: 42).Value;
        Assert.Equal(42, list.Version);
        Assert.Equal(42, list.LocalListVersion);
        Assert.Equal(0, list.ReplaceAll([], version: 43).Value.LocalListVersion);
    }

    [Fact]
    public void A_differential_update_adds_replaces_and_removes_by_idTag()
    {
        var list = CardList.Create([Card("01", "one"), Card("02", "two"), Card("03", "three")], version: 5).Value;

        var updated = list.Update(
        [
            CardListChange.Upsert(Card("02", "two again") with { Status = CardStatus.Blocked }),
            CardListChange.Remove(CardUid.Parse("01")),
            CardListChange.Upsert(Card("04", "four")),
            CardListChange.Remove(CardUid.Parse("99")),
        ], version: 6).Value;

        Assert.Equal(6, updated.Version);
        Assert.Equal(["02", "03", "04"], updated.Cards.Select(c => c.Uid.Value));
        Assert.Equal(CardStatus.Blocked, updated.Find(CardUid.Parse("02"))!.Status);
    }

    [Fact]
    public void A_differential_update_needs_a_newer_version()
    {
        var list = CardList.Create([Card("01")], version: 5).Value;
        var result = list.Update([CardListChange.Remove(CardUid.Parse("01"))], version: 5);
        Assert.True(result.IsVersionMismatch);
        Assert.Equal(["The update's list version 5 is not newer than the list's version 5."], result.Errors);
    }

    [Fact]
    public void A_differential_update_that_would_break_the_rules_is_refused_whole()
    {
        var list = CardList.Create(Numbered(999), version: 1).Value;
        var result = list.Update([CardListChange.Upsert(Card("AAAAAAAA")), CardListChange.Upsert(Card("BBBBBBBB"))], version: 2);
        Assert.False(result.IsVersionMismatch);
        Assert.Equal(["Card BBBBBBBB is card 1,001: a list holds at most 1,000 cards."], result.Errors);

        Assert.Equal(["The update names card 01 more than once."],
            list.Update([CardListChange.Upsert(Card("01")), CardListChange.Remove(CardUid.Parse("01"))], version: 2).Errors);
    }

    [Theory]
    [InlineData("e3f76b8d00000000", "E3F76B8D")]
    [InlineData("E3F76B8D", "E3F76B8D")]
    [InlineData("8d6bf7e300000000", "E3F76B8D")]
    [InlineData("04a1b2c3d4e5f600", "F6E5D4C3B2A104")]
    [InlineData("card-7", "CARD-7")]
    [InlineData("ffffffff00000000", null)]
    public void Matches_a_presented_tag_by_padding_and_byte_order(string presented, string? expected)
    {
        var list = CardList.Create([Card("E3F76B8D"), Card("F6E5D4C3B2A104"), Card("CARD-7")]).Value;
        Assert.Equal(expected, list.Match(CardUid.Parse(presented))?.Uid.Value);
    }

    [Fact]
    public void Prefers_the_card_read_in_the_stations_byte_order_over_a_reversed_reading()
    {
        var list = CardList.Create([Card("0102", "reversed reading of the other"), Card("0201", "station order")]).Value;
        Assert.Equal("station order", list.Match(CardUid.Parse("0201000000000000"))?.Name);
        Assert.Equal("reversed reading of the other", list.Match(CardUid.Parse("0102000000000000"))?.Name);
    }
}
