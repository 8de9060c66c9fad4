using System.Collections.Immutable;
using System.Globalization;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// The controller's card list (manual 9.2): at most 1,000 cards, unique UIDs, at most one master card. It is immutable:
/// every change returns a new list (or the errors, the old list untouched), so the host swaps one reference and a
/// reader never sees half an import. The same list is the OCPP local authorization list when a backend manages the
/// cards: <see cref="ReplaceAll"/> with a version is SendLocalList Full and <see cref="Update"/> is
/// SendLocalList Differential. <see cref="Version"/> is the backend's list version after those, and counts up by one
/// with every change the operator makes.
/// </summary>
public sealed class CardList
{
    public const int MaxCards = 1000;

    public const int MaxNameLength = 100;

    public const int MaxChargePointLength = 64;

    public const int MaxChargePointsPerCard = 250;

    /// <summary>How many problems one failed change reports at most.</summary>
    public const int MaxReportedProblems = 20;

    private readonly ImmutableArray<Card> _cards;
    private readonly Dictionary<CardUid, Card> _byUid;
    private readonly Dictionary<string, Card> _byKebaTag;
    private readonly Dictionary<string, Card> _byReversedKebaTag;

    private CardList(ImmutableArray<Card> cards, int version)
    {
        _cards = cards;
        Version = version;
        _byUid = new Dictionary<CardUid, Card>(cards.Length);
        _byKebaTag = new Dictionary<string, Card>(cards.Length, StringComparer.Ordinal);
        _byReversedKebaTag = new Dictionary<string, Card>(cards.Length, StringComparer.Ordinal);
        foreach (var card in cards)
        {
            _byUid.Add(card.Uid, card);
            if (card.Uid.KebaTag is { } tag)
            {
                _byKebaTag.Add(tag, card);
            }

            if (card.Uid.ReversedKebaTag is { } reversed)
            {
                _byReversedKebaTag.TryAdd(reversed, card);
            }

            if (card.IsMasterCard)
            {
                MasterCard = card;
            }
        }
    }

    public static CardList Empty { get; } = new([], 0);

    /// <summary>The cards in the order they were added (an import keeps the file's order).</summary>
    public IReadOnlyList<Card> Cards => _cards;

    public int Count => _cards.Length;

    /// <summary>The list version: set by the backend's SendLocalList, else counted up by each change.</summary>
    public int Version { get; }

    /// <summary>What GetLocalListVersion reports: 0 for an empty list (OCPP 1.6), else <see cref="Version"/>.</summary>
    public int LocalListVersion => Count == 0 ? 0 : Version;

    public Card? MasterCard { get; }

    /// <summary>A list of <paramref name="cards"/> (for example loaded from storage) if they obey the rules.</summary>
    public static CardListResult Create(IEnumerable<Card> cards, int version = 0)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return Validated([.. cards], version);
    }

    /// <summary>The card stored under exactly this UID (the key of the REST resource <c>/cards/{uid}</c>).</summary>
    public Card? Find(CardUid uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return _byUid.GetValueOrDefault(uid);
    }

    public bool Contains(CardUid uid) => Find(uid) is not null;

    /// <summary>
    /// The card a station reported, by <see cref="CardUid.Matches"/>: the same UID first, then the same KEBA tag once
    /// padded, then a byte-reversed reading (a UID typed in from a phone app). Null when no card matches.
    /// </summary>
    public Card? Match(CardUid presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (_byUid.TryGetValue(presented, out var card))
        {
            return card;
        }

        if (presented.KebaTag is not { } tag)
        {
            return null;
        }

        return _byKebaTag.GetValueOrDefault(tag)
            ?? _byReversedKebaTag.GetValueOrDefault(tag)
            ?? (presented.ReversedKebaTag is { } reversed ? _byKebaTag.GetValueOrDefault(reversed) : null);
    }

    public CardListResult Add(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Contains(card.Uid)
            ? CardListResult.Failure($"{Capitalized(Find(card.Uid)!.Describe())} is already in the list.")
            : Validated(_cards.Add(card), NextVersion);
    }

    /// <summary>Replaces the card stored under <paramref name="uid"/> with <paramref name="card"/>, which may have a new UID.</summary>
    public CardListResult Replace(CardUid uid, Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Find(uid) is { } old
            ? Validated(_cards.Replace(old, card), NextVersion)
            : CardListResult.Failure($"There is no card {uid} in the list.");
    }

    public CardListResult Remove(CardUid uid) =>
        Find(uid) is { } old
            ? CardListResult.Success(new CardList(_cards.Remove(old), NextVersion))
            : CardListResult.Failure($"There is no card {uid} in the list.");

    /// <summary>
    /// Replaces every card: an operator's import (no version: the version counts up by one), or the backend's list with
    /// its version (SendLocalList Full).
    /// </summary>
    public CardListResult ReplaceAll(IEnumerable<Card> cards, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return Validated([.. cards], version ?? NextVersion);
    }

    /// <summary>
    /// Applies a differential update (SendLocalList Differential): each change adds or replaces a card by its idTag, or
    /// removes it (removing an idTag that is not in the list does nothing). The version must be newer than
    /// <see cref="Version"/>; the result then takes it. An idTag may appear only once in one update.
    /// </summary>
    public CardListResult Update(IEnumerable<CardListChange> changes, int version)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (version <= Version)
        {
            return CardListResult.VersionMismatch(string.Create(CultureInfo.InvariantCulture,
                $"The update's list version {version} is not newer than the list's version {Version}."));
        }

        var cards = new List<Card?>(_cards);
        var positions = new Dictionary<CardUid, int>(_cards.Length);
        for (var i = 0; i < _cards.Length; i++)
        {
            positions.Add(_cards[i].Uid, i);
        }

        var seen = new HashSet<CardUid>();
        foreach (var change in changes)
        {
            if (!seen.Add(change.Uid))
            {
                return CardListResult.Failure($"The update names card {change.Uid} more than once.");
            }

            if (positions.TryGetValue(change.Uid, out var at))
            {
                cards[at] = change.Card;
            }
            else if (change.Card is not null)
            {
                cards.Add(change.Card);
            }
        }

        return Validated([.. cards.OfType<Card>()], version);
    }

    private int NextVersion => Version == int.MaxValue ? 1 : Version + 1;

    private static CardListResult Validated(ImmutableArray<Card> cards, int version)
    {
        var problems = CardListValidator.Check(cards, i => cards[i].Uid is null ? $"card {i + 1}" : cards[i].Describe(), MaxReportedProblems);
        if (problems.Count > 0)
        {
            return CardListResult.Failure([.. problems.Select(p => p.Text)]);
        }

        // The list keeps its own copy of each card's charge points, so a caller's list changing later changes nothing.
        var frozen = cards.Select(c => c.ChargePoints is ImmutableArray<string> ? c : c with { ChargePoints = c.ChargePoints.ToImmutableArray() });
        return CardListResult.Success(new CardList([.. frozen], version));
    }

    private static string Capitalized(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
