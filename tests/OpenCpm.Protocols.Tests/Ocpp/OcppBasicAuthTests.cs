using System.Text;
using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Protocols.Tests.Ocpp;

public sealed class OcppBasicAuthTests
{
    [Fact]
    public void Hex_authorization_key_of_octt_tc_073_is_decoded_to_its_password()
    {
        Assert.Equal("OCA_OCTT_admin_test", Encoding.UTF8.GetString(OcppBasicAuth.PasswordFromAuthorizationKey("4F43415F4F4354545F61646D696E5F74657374")));
    }

    [Theory]
    [InlineData("plain-password-16")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    public void A_key_that_is_not_16_to_20_bytes_of_hex_is_the_password_itself(string key)
    {
        Assert.Equal(key, Encoding.UTF8.GetString(OcppBasicAuth.PasswordFromAuthorizationKey(key)));
    }

    [Fact]
    public void Header_is_basic_with_identity_colon_password_in_base64()
    {
        var header = OcppBasicAuth.Header("KEBA M20", "OCA_OCTT_admin_test"u8);

        Assert.Equal("Basic", header.Scheme);
        Assert.Equal("KEBA M20:OCA_OCTT_admin_test", Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
    }

    [Fact]
    public void Connection_uri_appends_the_percent_encoded_identity_once()
    {
        Assert.Equal("ws://csms.example.com/ocpp/RDAM%20123", OcppClient.ConnectionUri(new Uri("ws://csms.example.com/ocpp"), "RDAM 123").AbsoluteUri);
        Assert.Equal("wss://csms.example.com:8443/ocpp/CP%2F1%3F", OcppClient.ConnectionUri(new Uri("wss://csms.example.com:8443/ocpp/"), "CP/1?").AbsoluteUri);
        Assert.Equal("ws://127.0.0.1:9000/M20", OcppClient.ConnectionUri(new Uri("ws://127.0.0.1:9000"), "M20").AbsoluteUri);
    }

    [Theory]
    [InlineData(new[] { "ocpp1.6" }, "ocpp1.6")]
    [InlineData(new[] { "ocpp2.0.1, ocpp1.6" }, "ocpp1.6")]
    [InlineData(new[] { ",ocpp1.6" }, "ocpp1.6")]
    [InlineData(new[] { ",ocpp2.0.1" }, null)]
    [InlineData(new string[0], null)]
    public void Server_side_subprotocol_choice_reads_the_offer_tolerantly(string[] offered, string? chosen)
    {
        Assert.Equal(chosen, OcppSubprotocols.Choose(offered, "ocpp1.6"));
    }
}
