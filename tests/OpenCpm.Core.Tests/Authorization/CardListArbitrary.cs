using FsCheck;
using FsCheck.Fluent;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

/// <summary>
/// FsCheck generators for valid card lists: hex and free-form UIDs, names with delimiters, quotes, apostrophes,
/// formula starts, accents and emoji, expiry dates, one master card at most, every status, charge point lists.
/// </summary>
public static class CardListArbitrary
{
    public static Arbitrary<CardListCase> CardLists() => CardListGen.ToArbitrary();

    public static Arbitrary<CardUid> Uids() => UidGen.ToArbitrary();

    private const string HexDigits = "0123456789abcdefABCDEF";

    private static readonly string[] NamePieces =
        ["Alice", "Bob", " ", ",", ";", "\"", "'", "=", "+", "-", "@", "é", "Zoë", "東京", "👩‍🔧", "\t-x", "a\"\"b", "\r", "x"];

    private static readonly string[] ChargePointNames =
        ["cp1", "cp2", "CP-3", "22334455", "=cp", "'x", "-1", "@home", "a,b", "q\"q", "garage;left"];

    private static Gen<string> Text(string alphabet, int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    private static Gen<CardUid> UidGen =>
        from text in Gen.OneOf(
            Text(HexDigits, 1, 16),
            Text(HexDigits, 17, 20),
            Text(new string([.. Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c)]), 1, 20))
        select CardUid.Parse(text);

    private static Gen<string> NameGen =>
        from count in Gen.Choose(0, 6)
        from pieces in Gen.ArrayOf(Gen.Elements(NamePieces), count)
        let name = string.Concat(pieces).Replace("\r", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).Trim()
        select name.Length > CardList.MaxNameLength ? name[..CardList.MaxNameLength].Trim() : name;

    private static Gen<Card> CardGen =>
        from uid in UidGen
        from name in NameGen
        from expiry in Gen.OneOf(Gen.Constant<DateOnly?>(null), Gen.Choose(0, 20000).Select(d => (DateOnly?)new DateOnly(2000, 1, 1).AddDays(d)))
        from master in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
        from status in Gen.Elements(Enum.GetValues<CardStatus>())
        from chargePoints in Gen.SubListOf(ChargePointNames)
        from order in Gen.Shuffle(chargePoints.ToArray())
        select new Card { Uid = uid, Name = name, Expiry = expiry, IsMasterCard = master, Status = status, ChargePoints = order };

    /// <summary>Cards added one by one; one that breaks a rule (a taken UID, a second master card) is left out.</summary>
    private static Gen<CardListCase> CardListGen =>
        from count in Gen.Choose(0, 40)
        from cards in Gen.ArrayOf(CardGen, count)
        select new CardListCase(cards.Aggregate(CardList.Empty, (list, card) => list.Add(card).List ?? list));
}
