using System.Globalization;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// The rules of a card list, shared by <see cref="CardList"/> and <see cref="CardCsv"/>. Each problem is a sentence
/// that names the card (through <c>where</c>: "card 04A1B2C3 (Alice)" or "line 7") and the field.
/// </summary>
internal static class CardListValidator
{
    public static List<(int Index, string Text)> Check(IReadOnlyList<Card> cards, Func<int, string> where, int maxProblems)
    {
        var problems = new List<(int Index, string Text)>();
        if (cards.Count > CardList.MaxCards)
        {
            problems.Add((CardList.MaxCards, Sentence($"{where(CardList.MaxCards)} is card {CardList.MaxCards + 1:N0}: a list holds at most {CardList.MaxCards:N0} cards")));
        }

        var byUid = new Dictionary<CardUid, int>(cards.Count);
        var byKebaTag = new Dictionary<string, int>(cards.Count, StringComparer.Ordinal);
        var master = -1;
        for (var i = 0; i < cards.Count && problems.Count < maxProblems; i++)
        {
            var card = cards[i];
            CheckFields(card, problem => problems.Add((i, Sentence($"{where(i)}: {problem}"))));
            if (card.Uid is null)
            {
                continue;
            }

            if (!byUid.TryAdd(card.Uid, i))
            {
                problems.Add((i, Sentence($"{where(i)}: 'uid' {card.Uid} is already the uid of {where(byUid[card.Uid])}")));
            }
            else if (card.Uid.KebaTag is { } tag && !byKebaTag.TryAdd(tag, i))
            {
                problems.Add((i, Sentence($"{where(i)}: 'uid' {card.Uid} reads as the same KEBA tag {tag} as the uid {cards[byKebaTag[tag]].Uid} of {where(byKebaTag[tag])}")));
            }

            if (card.IsMasterCard)
            {
                if (master >= 0)
                {
                    problems.Add((i, Sentence($"{where(i)}: 'isMasterCard' is true but {where(master)} is already the master card, and there may be only one")));
                }
                else
                {
                    master = i;
                }
            }
        }

        return problems.Count > maxProblems ? problems[..maxProblems] : problems;
    }

    /// <summary>The field rules of one card, each broken rule reported as "'field' …".</summary>
    public static void CheckFields(Card card, Action<string> report)
    {
        if (card.Uid is null)
        {
            report("'uid' is missing");
        }

        CheckName(card.Name, report);
        if (!Enum.IsDefined(card.Status))
        {
            report($"'status' must be Accepted, Blocked, Expired or Invalid but is {(int)card.Status}");
        }

        CheckChargePoints(card.ChargePoints, report);
    }

    private static void CheckName(string? name, Action<string> report)
    {
        if (name is null)
        {
            report("'name' is missing (use an empty name for none)");
            return;
        }

        if (name.Length > CardList.MaxNameLength)
        {
            report($"'name' must be at most {CardList.MaxNameLength} characters but has {name.Length}");
        }

        if (name.Length > 0 && (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])))
        {
            report("'name' must not start or end with white space");
        }

        if (FirstForbidden(name) is { } at)
        {
            report($"'name' must not contain control, line-break or text-direction characters but has U+{(int)name[at]:X4} at position {at + 1}");
        }
    }

    private static void CheckChargePoints(IReadOnlyList<string>? chargePoints, Action<string> report)
    {
        if (chargePoints is null)
        {
            report("'chargePoints' is missing (use an empty list for all charge points)");
            return;
        }

        if (chargePoints.Count > CardList.MaxChargePointsPerCard)
        {
            report($"'chargePoints' may name at most {CardList.MaxChargePointsPerCard} charge points but names {chargePoints.Count}");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cp in chargePoints)
        {
            if (string.IsNullOrEmpty(cp))
            {
                report("'chargePoints' has an empty entry");
            }
            else if (cp.Length > CardList.MaxChargePointLength)
            {
                report($"'chargePoints' entry '{cp[..16]}…' must be at most {CardList.MaxChargePointLength} characters but has {cp.Length}");
            }
            else if (cp.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || FirstForbidden(cp) is not null)
            {
                report($"'chargePoints' entry '{Printable(cp)}' must be an id or serial without spaces or control characters");
            }
            else if (!seen.Add(cp))
            {
                report($"'chargePoints' names '{cp}' twice");
            }
        }
    }

    /// <summary>The first control, line or paragraph separator, bidirectional formatting or lone surrogate character.</summary>
    private static int? FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\uFEFF'
                || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
            {
                return i;
            }
        }

        return null;
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));

    private static string Sentence(FormattableString text)
    {
        var sentence = text.ToString(CultureInfo.InvariantCulture);
        return string.Concat(sentence[..1].ToUpperInvariant(), sentence.AsSpan(1), ".");
    }
}
