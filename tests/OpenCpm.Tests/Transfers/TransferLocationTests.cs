using OpenCpm.Transfers;

namespace OpenCpm.Tests.Transfers;

public sealed class TransferLocationTests
{
    public static TheoryData<string, string, string> Unusable => new()
    {
        { "fw.bin", "BadLocation", "the location 'fw.bin' is not an absolute URL" },
        { "/srv/fw.bin", "BadLocation", "the location '/srv/fw.bin' is not an absolute URL" },
        { "file:///etc/passwd", "BadLocation", "the location 'file:///etc/passwd' is not an absolute URL" },
        { "ftp://user:secret@ftp.example.com/fw.bin", "UnsupportedProtocol", "the location ftp://ftp.example.com/fw.bin uses FTP, which this controller does not support (only HTTP,HTTPS)" },
        { "gopher://example.com/fw", "UnsupportedProtocol", "the location gopher://example.com/fw uses the scheme 'gopher', which this controller does not support (only HTTP,HTTPS)" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void A_location_that_is_not_an_http_url_is_refused_with_a_sentence_that_shows_no_password(string text, string failure, string reason)
    {
        Assert.False(TransferLocation.TryParse(text, out var location, out var problem));
        Assert.Null(location);
        Assert.Equal((failure, reason), (problem!.Failure.ToString(), problem.Reason));
    }

    [Fact]
    public void An_http_url_is_taken_and_shown_without_its_credentials()
    {
        Assert.True(TransferLocation.TryParse("https://cpo:secret@files.example.com/fw/opencpm.ocpu", out var location, out var problem));
        Assert.Null(problem);
        Assert.Equal("https://files.example.com/fw/opencpm.ocpu", location!.Shown);
        Assert.Equal("cpo:secret", location.Uri.UserInfo);
    }

    [Theory]
    [InlineData(null, null, 3, 30)]
    [InlineData(0, 5, 1, 5)]
    [InlineData(50, 0, 11, 1)]
    [InlineData(-3, 99999, 1, 3600)]
    public void Retries_are_attempts_after_the_first_within_sane_bounds(int? retries, int? interval, int attempts, int seconds) =>
        Assert.Equal(new TransferRetries(attempts, TimeSpan.FromSeconds(seconds)), TransferRetries.From(retries, interval));
}
