using System.Text;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class CardCsvTests
{
    private const string Header = "uid,name,expiry,isMasterCard,status,chargePoints";

    private static readonly CardList Existing = CardList.Create([new Card { Uid = CardUid.Parse("CAFE"), Name = "kept" }], version: 7).Value;

    private static CardList Imported(string csv)
    {
        var result = CardCsv.Import(csv, Existing);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Value;
    }

    private static string Error(string csv)
    {
        var result = CardCsv.Import(csv, Existing);
        Assert.False(result.Succeeded);
        return string.Join(Environment.NewLine, result.Errors);
    }

    [Fact]
    public void Imports_every_field_and_replaces_the_whole_list_with_a_new_version()
    {
        var list = Imported(
            Header + "\r\n" +
            "04A1B2C3,Alice,2027-12-31,true,Accepted,cp1 22334455\r\n" +
            "e3f76b8d,Bob,,false,Blocked,\r\n");

        Assert.Equal(8, list.Version);
        Assert.Equal(
            [
                new Card { Uid = CardUid.Parse("04A1B2C3"), Name = "Alice", Expiry = new DateOnly(2027, 12, 31), IsMasterCard = true, ChargePoints = ["cp1", "22334455"] },
                new Card { Uid = CardUid.Parse("E3F76B8D"), Name = "Bob", Status = CardStatus.Blocked },
            ],
            list.Cards);
    }

    [Fact]
    public void Exports_a_header_and_one_CRLF_line_per_card()
    {
        var list = CardList.Create(
        [
            new Card { Uid = CardUid.Parse("04A1B2C3"), Name = "Alice", Expiry = new DateOnly(2027, 12, 31), IsMasterCard = true, ChargePoints = ["cp1", "22334455"] },
            new Card { Uid = CardUid.Parse("E3F76B8D"), Name = "Dupont, \"Bob\"", Status = CardStatus.Blocked },
        ]).Value;

        Assert.Equal(
            Header + "\r\n" +
            "04A1B2C3,Alice,2027-12-31,true,Accepted,cp1 22334455\r\n" +
            "E3F76B8D,\"Dupont, \"\"Bob\"\"\",,false,Blocked,\r\n",
            CardCsv.Export(list));
    }

    [Fact]
    public void Exports_text_a_spreadsheet_would_run_with_an_apostrophe_and_imports_it_back_unchanged()
    {
        var list = CardList.Create(
        [
            new Card { Uid = CardUid.Parse("=1+1"), Name = "=HYPERLINK(\"http://x\")", ChargePoints = ["-cp", "cp2"] },
            new Card { Uid = CardUid.Parse("@A"), Name = "'quoted" },
            new Card { Uid = CardUid.Parse("B"), Name = "+33 6 12" },
        ]).Value;

        var csv = CardCsv.Export(list);

        Assert.Equal(
            Header + "\r\n" +
            "'=1+1,\"'=HYPERLINK(\"\"http://x\"\")\",,false,Accepted,'-cp cp2\r\n" +
            "'@A,''quoted,,false,Accepted,\r\n" +
            "B,'+33 6 12,,false,Accepted,\r\n",
            csv);
        Assert.Equal(list.Cards, CardCsv.Import(csv, CardList.Empty).Value.Cards);
    }

    [Fact]
    public void Takes_a_semicolon_delimiter_from_a_spreadsheet_export()
    {
        var list = Imported("uid;name;expiry;isMasterCard;status;chargePoints\r\n04A1;Dupont, Alice;2027-01-01;false;Accepted;cp1\r\n");
        Assert.Equal("Dupont, Alice", Assert.Single(list.Cards).Name);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("")]
    public void Reads_UTF8_bytes_with_or_without_a_byte_order_mark(string bom)
    {
        var bytes = Encoding.UTF8.GetBytes(bom + Header + "\nCAFE,Zoë,,,,\n");
        var result = CardCsv.Import(bytes, CardList.Empty);
        Assert.Equal("Zoë", Assert.Single(result.Value.Cards).Name);
        Assert.Equal(bom.Length > 0, bytes.AsSpan().StartsWith("\uFEFF"u8));
    }

    [Fact]
    public void Refuses_bytes_that_are_not_UTF8()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes(Header + "\nCAFE,Zo"), 0xEB, (byte)'\n'];
        var result = CardCsv.Import(latin1, Existing);
        Assert.Equal(["The file is not UTF-8 text: byte 57 is invalid."], result.Errors);
    }

    [Fact]
    public void Matches_columns_by_name_in_any_order_and_case_and_fills_missing_ones_with_defaults()
    {
        var list = Imported("STATUS,Uid\nblocked,04a1\n,05b2\n");
        Assert.Equal(
            [
                new Card { Uid = CardUid.Parse("04A1"), Status = CardStatus.Blocked },
                new Card { Uid = CardUid.Parse("05B2") },
            ],
            list.Cards);
    }

    [Fact]
    public void Reads_quoted_delimiters_quotes_and_line_breaks_and_counts_lines_across_them()
    {
        var list = Imported(
            Header + "\n" +
            "\"04A1\",\"Dupont; \"\"Alice\"\", Paris\",,,,\"cp1\r\ncp2\"\n" +
            "05B2,Bob,,,,\n");
        Assert.Equal("Dupont; \"Alice\", Paris", list.Cards[0].Name);
        Assert.Equal(["cp1", "cp2"], list.Cards[0].ChargePoints);

        var error = Error(Header + "\n04A1,\"two\nlines\",,,,\n05B2,Bob,tomorrow,,,\n");
        Assert.Equal(
            "Line 2: 'name' must not contain control, line-break or text-direction characters but has U+000A at position 4." + Environment.NewLine +
            "Line 4: 'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is 'tomorrow'.",
            error);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Takes_CRLF_LF_or_CR_line_ends_and_skips_empty_lines(string newline)
    {
        var csv = string.Join(newline, "", Header, "", "04A1,Alice,,,,", ",,,,,", " ", "05B2,Bob,,,,", "", "");
        Assert.Equal(["Alice", "Bob"], Imported(csv).Cards.Select(c => c.Name));
        Assert.Equal("Line 4: 'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is 'x'.",
            Error(string.Join(newline, Header, "04A1,,,,,", "", "05B2,,x,,,")));
    }

    [Fact]
    public void Trims_spaces_around_fields_and_quotes()
    {
        var list = Imported("uid , name\n 04A1 ,  \"Alice\"  \n");
        Assert.Equal("Alice", Assert.Single(list.Cards).Name);
    }

    [Fact]
    public void A_header_only_file_is_an_empty_list()
    {
        Assert.Empty(Imported(Header + "\r\n").Cards);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "", "The file is empty; its first line must be the header uid,name,expiry,isMasterCard,status,chargePoints." },
        { "\uFEFF\r\n\r\n", "The file is empty; its first line must be the header uid,name,expiry,isMasterCard,status,chargePoints." },
        { "name,status\nAlice,Accepted\n", "Line 1: the header has no 'uid' column; the columns are uid, name, expiry, isMasterCard, status, chargePoints." },
        { "uid,name,notes\n04A1,Alice,call her\n", "Line 1: the column 'notes' is unknown; the columns are uid, name, expiry, isMasterCard, status, chargePoints." },
        { "uid,staus\n04A1,Blocked\n", "Line 1: the column 'staus' is unknown; the columns are uid, name, expiry, isMasterCard, status, chargePoints." },
        { "uid,name,UID\n04A1,Alice,05\n", "Line 1: the column 'uid' appears twice." },
        { "uid,expiry\n04A1,31/12/2027\n", "Line 2: 'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is '31/12/2027'." },
        { "uid,expiry\n04A1,2027-02-30\n", "Line 2: 'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is '2027-02-30'." },
        { "uid,status\n04A1,Active\n", "Line 2: 'status' must be Accepted, Blocked, Expired or Invalid but is 'Active'." },
        { "uid,status\n04A1,1\n", "Line 2: 'status' must be Accepted, Blocked, Expired or Invalid but is '1'." },
        { "uid,isMasterCard\n04A1,yes\n", "Line 2: 'isMasterCard' must be true or false but is 'yes'." },
        { "uid,name\n,Alice\n", "Line 2: 'uid' is empty." },
        { "uid,name\n04 A1 B,Alice\n", "Line 2: 'uid' must be printable ASCII without spaces but has a space at position 3." },
        { "uid,name\n123456789012345678901,Alice\n", "Line 2: 'uid' must be at most 20 characters (an OCPP idTag) but has 21." },
        { "uid,name\n04A1,Alice,extra\n", "Line 2 has 3 fields but the header has 2." },
        { "uid,name\n04A1\n", "Line 2 has 1 field but the header has 2." },
        { "uid,name\n04A1,Al\"ice\n", "Line 2: field 'name' has a quote but does not start with one; put the whole field in quotes and double the quotes inside." },
        { "uid,name\n04A1,\"Al\"ice\n", "Line 2: field 'name' has text after its closing quote; double the quotes inside a quoted field." },
        { "uid,name\n04A1,ok\n05B2,\"Alice\n", "Line 3: the quotes around field 'name' are never closed." },
        { "uid,name\n04A1,Alice\n04a1,Bob\n", "Line 3: 'uid' 04A1 is already the uid of line 2." },
        { "uid,isMasterCard\n01,true\n02,false\n03,TRUE\n", "Line 4: 'isMasterCard' is true but line 2 is already the master card, and there may be only one." },
        { "uid,chargePoints\n01,cp1 CP1\n", "Line 2: 'chargePoints' names 'CP1' twice." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Refuses_a_bad_file_whole_with_a_sentence_naming_the_line_and_the_field(string csv, string error)
    {
        var result = CardCsv.Import(csv, Existing);
        Assert.Equal(error, Assert.Single(result.Errors));
        Assert.Null(result.List);
        Assert.Equal("kept", Assert.Single(Existing.Cards).Name);
    }

    [Fact]
    public void Reports_every_bad_line_of_a_file_in_line_order()
    {
        var error = Error("uid,expiry,status\n01,2027-13-01,\n02,,Lost\n01,,\n");
        Assert.Equal(
            "Line 2: 'expiry' must be a date as YYYY-MM-DD (like 2027-12-31) or empty but is '2027-13-01'." + Environment.NewLine +
            "Line 3: 'status' must be Accepted, Blocked, Expired or Invalid but is 'Lost'.",
            error);
    }

    [Fact]
    public void Imports_1000_cards_and_refuses_1001_naming_the_line_of_the_one_too_many()
    {
        static string File(int count) =>
            Header + "\r\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"{i:X8},card {i},2030-01-01,false,Accepted,\r\n"));

        Assert.Equal(1000, Imported(File(1000)).Count);
        Assert.Equal("Line 1002 is card 1,001: a list holds at most 1,000 cards.", Error(File(1001)));
        Assert.Equal("Line 1002 is card 1,001: a list holds at most 1,000 cards.", Error(File(5000)));
    }

    [Fact]
    public void Reports_at_most_twenty_problems()
    {
        var csv = "uid,status\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i:X4},Lost\n"));
        Assert.Equal(CardList.MaxReportedProblems, CardCsv.Import(csv, Existing).Errors.Count);
    }

    [Fact]
    public void Shows_long_or_control_character_values_shortened_and_escaped()
    {
        Assert.Equal(
            "Line 2: 'status' must be Accepted, Blocked, Expired or Invalid but is 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'.",
            Error("uid,status\n01," + new string('a', 60) + "\n"));
        Assert.Equal(
            "Line 2: 'status' must be Accepted, Blocked, Expired or Invalid but is 'AU+0007'.",
            Error("uid,status\n01,A\u0007\n"));
    }
}
