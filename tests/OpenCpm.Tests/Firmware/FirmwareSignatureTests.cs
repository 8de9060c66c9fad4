using OpenCpm.Firmware;

namespace OpenCpm.Tests.Firmware;

public sealed class FirmwareSignatureTests
{
    private static readonly DateTimeOffset Now = TestFirmwareSigner.NotBefore.AddMonths(3);
    private static readonly byte[] Package = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_signing_certificate_issued_by_an_installed_root_and_valid_now_is_trusted_and_its_signature_of_the_file_verifies(bool ecdsa)
    {
        using var signer = new TestFirmwareSigner(ecdsa);

        Assert.Null(FirmwareSignature.CertificateProblem(signer.LeafPem, [signer.Root], Now));
        Assert.Null(FirmwareSignature.SignatureProblem(signer.LeafPem, signer.Sign(Package), new MemoryStream(Package)));
    }

    [Fact]
    public void A_signing_certificate_of_another_root_or_with_no_root_installed_is_not_trusted()
    {
        using var signer = new TestFirmwareSigner();
        using var other = new TestFirmwareSigner(name: "Other Maker");

        var problem = FirmwareSignature.CertificateProblem(signer.LeafPem, [other.Root], Now);

        Assert.NotNull(problem);
        Assert.StartsWith("the signing certificate CN=Test Manufacturer Firmware Signing, O=Test Manufacturer does not chain to an installed Manufacturer Root Certificate", problem);
        Assert.Equal("no Manufacturer Root Certificate is installed, so no signing certificate can be trusted", FirmwareSignature.CertificateProblem(signer.LeafPem, [], Now));
    }

    [Fact]
    public void An_expired_or_not_yet_valid_signing_certificate_is_not_trusted()
    {
        using var signer = new TestFirmwareSigner();

        var expired = FirmwareSignature.CertificateProblem(signer.LeafPem, [signer.Root], TestFirmwareSigner.NotBefore.AddYears(2));
        var early = FirmwareSignature.CertificateProblem(signer.LeafPem, [signer.Root], TestFirmwareSigner.NotBefore.AddDays(-1));

        Assert.Equal(
            "the signing certificate CN=Test Manufacturer Firmware Signing, O=Test Manufacturer (or one above it) is not valid at 2028-01-01 00:00:00 UTC (valid 2026-01-01 to 2027-01-01)",
            expired);
        Assert.NotNull(early);
        Assert.Contains("is not valid at 2025-12-31 00:00:00 UTC", early, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_PEM_certificate_is_refused_with_a_sentence()
    {
        Assert.Equal("the signing certificate holds no PEM certificate", FirmwareSignature.CertificateProblem("hello", [], Now));
        Assert.StartsWith(
            "the signing certificate is not a PEM certificate",
            FirmwareSignature.CertificateProblem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", [], Now),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_changed_after_signing_or_a_signature_by_another_key_does_not_verify(bool ecdsa)
    {
        using var signer = new TestFirmwareSigner(ecdsa);
        using var other = new TestFirmwareSigner(ecdsa, "Other Maker");
        var tampered = (byte[])Package.Clone();
        tampered[5000] ^= 1;

        const string Mismatch = "the signature does not match the downloaded file with the signing certificate's key";
        Assert.Equal(Mismatch, FirmwareSignature.SignatureProblem(signer.LeafPem, signer.Sign(Package), new MemoryStream(tampered)));
        Assert.Equal(Mismatch, FirmwareSignature.SignatureProblem(signer.LeafPem, other.Sign(Package), new MemoryStream(Package)));
        Assert.Equal(Mismatch, FirmwareSignature.SignatureProblem(signer.LeafPem, Convert.ToBase64String([1, 2, 3]), new MemoryStream(Package)));
    }

    [Theory]
    [InlineData("not base64!", "the signature is not base64")]
    [InlineData("", "the signature is empty")]
    public void A_signature_that_is_not_base64_is_refused_with_a_sentence(string signature, string problem)
    {
        using var signer = new TestFirmwareSigner();

        Assert.Equal(problem, FirmwareSignature.SignatureProblem(signer.LeafPem, signature, new MemoryStream(Package)));
    }
}
