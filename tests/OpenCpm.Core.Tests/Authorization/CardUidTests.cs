using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class CardUidTests
{
    [Theory]
    [InlineData("04A1B2C3", "04A1B2C3")]
    [InlineData("  e3f76b8d \t", "E3F76B8D")]
    [InlineData("04:a1:b2:c3:d4:e5:f6", "04A1B2C3D4E5F6")]
    [InlineData("04 A1 B2 C3", "04A1B2C3")]
    [InlineData("AB-CD-EF", "AB-CD-EF")]
    [InlineData("user@example", "USER@EXAMPLE")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("04:A1:B2:C3:D4:E5:F6:07:08:09", "04A1B2C3D4E5F6070809")]
    public void Normalizes_by_trimming_joining_separated_hex_bytes_and_upper_casing(string text, string expected)
    {
        Assert.Equal(expected, CardUid.Parse(text).Value);
    }

    [Theory]
    [InlineData("04:A1 B2")]
    [InlineData("04 A1:B2")]
    [InlineData("4 A1 B2")]
    public void Does_not_join_hex_with_mixed_or_odd_separators(string text)
    {
        Assert.False(CardUid.TryParse(text, out _));
    }

    [Theory]
    [InlineData(null, "The card UID is missing.")]
    [InlineData("   ", "The card UID is empty.")]
    [InlineData("123456789012345678901", "The card UID must be at most 20 characters (an OCPP idTag) but has 21.")]
    [InlineData("04 A1 B", "The card UID must be printable ASCII without spaces but has a space at position 3.")]
    [InlineData("04\u0001A1", "The card UID must be printable ASCII without spaces but has the control character U+0001 at position 3.")]
    [InlineData("carte-é", "The card UID must be printable ASCII without spaces but has 'é' at position 7.")]
    public void Refuses_what_is_no_OCPP_idTag_with_a_sentence(string? text, string error)
    {
        Assert.False(CardUid.TryParse(text, out _, out var problem));
        Assert.Equal(error, $"The card UID {problem}.");
        if (text is not null)
        {
            Assert.Equal(error, Assert.Throws<FormatException>(() => CardUid.Parse(text)).Message);
        }
    }

    [Fact]
    public void Two_spellings_of_one_tag_are_equal()
    {
        Assert.Equal(CardUid.Parse("e3:f7:6b:8d"), CardUid.Parse(" E3F76B8D "));
        Assert.Equal(CardUid.Parse("abc").GetHashCode(), CardUid.Parse("ABC").GetHashCode());
    }

    [Theory]
    [InlineData("E3F76B8D", "e3f76b8d00000000", "8d6bf7e300000000")]
    [InlineData("04A1B2C3D4E5F6", "04a1b2c3d4e5f600", "f6e5d4c3b2a10400")]
    [InlineData("0102030405060708", "0102030405060708", "0807060504030201")]
    [InlineData("ABC", "abc0000000000000", null)]
    [InlineData("04A1B2C3D4E5F6070809", null, null)]
    [InlineData("CARD-7", null, null)]
    public void Gives_the_KEBA_tag_and_its_byte_reversed_reading(string uid, string? kebaTag, string? reversed)
    {
        var parsed = CardUid.Parse(uid);
        Assert.Equal(kebaTag, parsed.KebaTag);
        Assert.Equal(reversed, parsed.ReversedKebaTag);
    }

    [Theory]
    [InlineData("e3f76b8d00000000", "E3F76B8D")]
    [InlineData("04a1b2c3d4e5f600", "04A1B2C3D4E5F6")]
    [InlineData("0102030405060708", "0102030405060708")]
    [InlineData("e3f76b0000000000", "E3F76B00")]
    [InlineData("OCPP-TOKEN-1", "OCPP-TOKEN-1")]
    [InlineData("0000000000000000", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("not a tag", null)]
    public void Reads_a_stations_tag_without_the_KEBA_padding(string? tag, string? expected)
    {
        Assert.Equal(expected, CardUid.FromStationTag(tag)?.Value);
    }

    [Theory]
    [InlineData("E3F76B8D", "e3f76b8d00000000", true)]
    [InlineData("E3F76B8D", "e3f76b8d", true)]
    [InlineData("8D6BF7E3", "e3f76b8d00000000", true)]
    [InlineData("e3f76b8d00000000", "8D:6B:F7:E3", true)]
    [InlineData("04A1B2C3D4E5F6", "f6e5d4c3b2a10400", true)]
    [InlineData("F6E5D4C3B2A104", "04a1b2c3d4e5f600", true)]
    [InlineData("E3F76B8D", "e3f76b8e00000000", false)]
    [InlineData("E3F76B8D", "00000000e3f76b8d", false)]
    [InlineData("E3F", "8d6bf7e300000000", false)]
    [InlineData("CARD-7", "card-7", true)]
    [InlineData("CARD-7", "CARD-70", false)]
    [InlineData("04A1B2C3D4E5F6070809", "04a1b2c3d4e5f607", false)]
    public void Matches_the_same_card_across_padding_case_and_byte_order(string stored, string presented, bool same)
    {
        var a = CardUid.Parse(stored);
        var b = CardUid.Parse(presented);
        Assert.Equal(same, a.Matches(b));
        Assert.Equal(same, b.Matches(a));
    }

    [Fact]
    public void Binds_from_a_route_value_like_any_parsable_type()
    {
        Assert.True(CardUid.TryParse("04a1", provider: null, out var uid));
        Assert.Equal("04A1", uid.ToString());
        Assert.Equal(uid, CardUid.Parse("04A1", provider: null));
    }
}
