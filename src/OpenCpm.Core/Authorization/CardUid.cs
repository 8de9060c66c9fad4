using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// An RFID card's UID or any other OCPP idTag, normalized once so that every part of the product compares tags the
/// same way. This is the single tag rule of OpenCPM:
/// <list type="bullet">
/// <item>Surrounding white space is trimmed. Hex bytes written with <c>:</c> or a space between every pair, as phone NFC
/// apps show them (<c>04:a1:b2:c3</c>), are joined (<c>04A1B2C3</c>); no other character is ever removed.</item>
/// <item>Only printable ASCII without spaces (<c>!</c> to <c>~</c>) is allowed, 1 to 20 characters: an OCPP idTag is a
/// CiString20, so every UID fits toward a backend.</item>
/// <item>OCPP idTags are case-insensitive: letters are stored in upper case (<c>e3f76b8d</c> becomes <c>E3F76B8D</c>).</item>
/// </list>
/// A KEBA station reports the card as 16 lower-case hex digits, shorter UIDs padded with trailing zeros
/// (<c>e3f76b8d00000000</c>), and a UID read with a phone app may show the bytes in reverse order. <see cref="Matches"/>
/// is therefore the rule for "is this the same card": equal after normalization; or both hex with at most 16 digits and
/// equal once padded with trailing zeros to 16 digits; or equal once the bytes of either one (whole bytes, at most 8)
/// are reversed and both are padded. <see cref="FromStationTag"/> turns a station's 16-digit tag into the UID that is
/// shown and sent to a backend, and <see cref="KebaTag"/> gives the 16-digit form a KEBA <c>start</c>/<c>stop</c>
/// command needs.
/// </summary>
public sealed record CardUid : IParsable<CardUid>
{
    public const int MaxLength = 20;

    public const int KebaTagLength = 16;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEF");

    private CardUid(string value) => Value = value;

    /// <summary>The normalized text: 1 to 20 printable ASCII characters, letters in upper case.</summary>
    public string Value { get; }

    /// <summary>Whether the UID is made of hex digits only.</summary>
    public bool IsHex => Value.AsSpan().IndexOfAnyExcept(HexDigits) < 0;

    /// <summary>
    /// The tag as a KEBA P30 reports it and expects it in <c>start</c>/<c>stop</c>: 16 lower-case hex digits, padded
    /// with trailing zeros; null when the UID is not hex or longer than 16 digits.
    /// </summary>
    public string? KebaTag => IsHex && Value.Length <= KebaTagLength ? Pad(Value) : null;

    /// <summary>
    /// The KEBA tag of the same card read with its bytes in reverse order (a whole number of bytes, at most 8); null
    /// when the UID is not hex, has an odd number of digits or more than 16.
    /// </summary>
    public string? ReversedKebaTag => IsHex && Value.Length <= KebaTagLength && Value.Length % 2 == 0 ? Pad(ReverseBytes(Value)) : null;

    public static CardUid Parse(string text) =>
        TryParse(text, out var uid, out var problem) ? uid : throw new FormatException($"The card UID {problem}.");

    public static CardUid Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out CardUid result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out CardUid result) =>
        TryParse(s, out result, out _);

    /// <summary>
    /// Normalizes <paramref name="text"/>; on failure <paramref name="problem"/> completes the sentence
    /// "The card UID …" (for example "must be at most 20 characters but has 24").
    /// </summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [MaybeNullWhen(false)] out CardUid uid,
        [NotNullWhen(false)] out string? problem)
    {
        uid = null;
        if (text is null)
        {
            problem = "is missing";
            return false;
        }

        var trimmed = JoinSeparatedHexBytes(text.Trim());
        if (trimmed.Length == 0)
        {
            problem = "is empty";
            return false;
        }

        var bad = trimmed.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (bad >= 0)
        {
            problem = $"must be printable ASCII without spaces but has {Describe(trimmed[bad])} at position {bad + 1}";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            problem = $"must be at most {MaxLength} characters (an OCPP idTag) but has {trimmed.Length}";
            return false;
        }

        uid = new CardUid(trimmed.ToUpperInvariant());
        problem = null;
        return true;
    }

    /// <summary>
    /// The card a station reports (a KEBA 16-digit tag or an OCPP idTag), or null when it reports none (empty or all
    /// zeros) or something that is no valid UID. A 16-digit hex tag loses KEBA's padding: when its last 4 bytes are
    /// zero it is taken as a 4-byte UID, else when its last byte is zero as a 7-byte UID (the two ISO 14443 UID lengths
    /// under 8 bytes). The rare 7-byte UID ending in three zero bytes, or 8-byte UID ending in a zero byte, is then
    /// shortened too; <see cref="Matches"/> ignores padding, so local cards still match it.
    /// </summary>
    public static CardUid? FromStationTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || !TryParse(tag, out var uid) || uid.Value.AsSpan().IndexOfAnyExcept('0') < 0)
        {
            return null;
        }

        if (uid.Value.Length != KebaTagLength || !uid.IsHex)
        {
            return uid;
        }

        var value = uid.Value.EndsWith("00000000", StringComparison.Ordinal) ? uid.Value[..8]
            : uid.Value.EndsWith("00", StringComparison.Ordinal) ? uid.Value[..14]
            : uid.Value;
        return new CardUid(value);
    }

    /// <summary>Whether this and <paramref name="other"/> are the same card (the rule in the type's summary).</summary>
    public bool Matches(CardUid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Value == other.Value)
        {
            return true;
        }

        var mine = KebaTag;
        var theirs = other.KebaTag;
        return mine is not null && theirs is not null
            && (mine == theirs || mine == other.ReversedKebaTag || ReversedKebaTag == theirs);
    }

    public override string ToString() => Value;

    private static string Pad(string hex) => hex.ToLowerInvariant().PadRight(KebaTagLength, '0');

    private static string ReverseBytes(string hex)
    {
        var reversed = new char[hex.Length];
        for (var i = 0; i < hex.Length; i += 2)
        {
            reversed[hex.Length - i - 2] = hex[i];
            reversed[hex.Length - i - 1] = hex[i + 1];
        }

        return new string(reversed);
    }

    /// <summary>"04:A1:B2" or "04 a1 b2" (pairs of hex digits with the same separator between each) becomes "04A1B2".</summary>
    private static string JoinSeparatedHexBytes(string text)
    {
        if (text.Length < 5 || (text.Length + 1) % 3 != 0 || text[2] is not (':' or ' '))
        {
            return text;
        }

        var separator = text[2];
        var joined = new char[(text.Length + 1) / 3 * 2];
        for (var i = 0; i < text.Length; i += 3)
        {
            if (!char.IsAsciiHexDigit(text[i]) || !char.IsAsciiHexDigit(text[i + 1]) || (i + 2 < text.Length && text[i + 2] != separator))
            {
                return text;
            }

            joined[i / 3 * 2] = text[i];
            joined[(i / 3 * 2) + 1] = text[i + 1];
        }

        return new string(joined);
    }

    private static string Describe(char c) =>
        c == ' ' ? "a space" : char.IsControl(c) ? $"the control character U+{(int)c:X4}" : $"'{c}'";
}
