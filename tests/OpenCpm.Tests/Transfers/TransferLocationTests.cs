using OpenCpm.Transfers;

namespace OpenCpm.Tests.Transfers;

public sealed class TransferLocationTests
{
    public static TheoryData<string, string, string> Unusable => new()
    {
        { "fw.bin", "BadLocation", "the location 'fw.bin' is not an absolute URL" },
        { "/srv/fw.bin", "BadLocation", "the location '/srv/fw.bin' is not an absolute URL" },
        { "file:///etc/passwd", "BadLocation", "the location 'file:///etc/passwd' is not an absolute URL" },
        { "sftp://user:secret@ftp.example.com/fw.bin", "UnsupportedProtocol", "the location sftp://ftp.example.com/fw.bin uses SFTP, which this controller does not support (only FTP,FTPS,HTTP,HTTPS)" },
        { "gopher://example.com/fw", "UnsupportedProtocol", "the location gopher://example.com/fw uses the scheme 'gopher', which this controller does not support (only FTP,FTPS,HTTP,HTTPS)" },
        { "ftp://user:secret@ftp.example.com/fw%0D%0ADELE%20x", "BadLocation", "the location ftp://ftp.example.com/fw%0D%0ADELE x has a line break or NUL in its path or user name, which FTP can't carry" },
        { "ftp://us%0Aer:secret@ftp.example.com/fw.bin", "BadLocation", "the location ftp://ftp.example.com/fw.bin has a line break or NUL in its path or user name, which FTP can't carry" },
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
    [InlineData("ftp://cpo:p%40ss%3Aword@files.example.com/fw/opencpm%2099.ocpu", "ftp://files.example.com/fw/opencpm 99.ocpu", 21, "cpo", "p@ss:word", "fw|opencpm 99.ocpu")]
    [InlineData("ftps://cpo:pw@files.example.com:2121/logs/", "ftps://files.example.com:2121/logs/", 2121, "cpo", "pw", "logs")]
    [InlineData("ftps://files.example.com/%2Fsrv//logs", "ftps://files.example.com/%2Fsrv//logs", 21, "anonymous", "anonymous@", "/srv|logs")]
    [InlineData("ftp://cpo@files.example.com", "ftp://files.example.com/", 21, "cpo", "", "")]
    public void An_ftp_url_is_taken_with_its_login_port_and_path_segments_and_shown_without_its_credentials(
        string url, string shown, int port, string user, string password, string segments)
    {
        Assert.True(TransferLocation.TryParse(url, out var location, out var problem));
        Assert.Null(problem);
        Assert.True(location!.IsFtp);
        Assert.Equal((shown, port, user, password, segments), (location.Shown, location.FtpPort, location.FtpLogin.User, location.FtpLogin.Password, string.Join('|', location.FtpSegments)));
    }

    [Theory]
    [InlineData(null, null, 3, 30)]
    [InlineData(0, 5, 1, 5)]
    [InlineData(50, 0, 11, 1)]
    [InlineData(-3, 99999, 1, 3600)]
    public void Retries_are_attempts_after_the_first_within_sane_bounds(int? retries, int? interval, int attempts, int seconds) =>
        Assert.Equal(new TransferRetries(attempts, TimeSpan.FromSeconds(seconds)), TransferRetries.From(retries, interval));
}
