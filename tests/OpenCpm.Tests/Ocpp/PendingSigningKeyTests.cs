using System.Security.Cryptography;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// The key of a certificate signing request survives a restart (kept encrypted in SQLite): the backend's
/// CertificateSigned that comes after the restart is installed, and the key is never stored in the clear.
/// </summary>
public sealed class PendingSigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_certificate_signed_for_the_request_made_before_a_restart_is_installed_after_it()
    {
        using var pki = new TestPki();
        using var data = new Shared.TempDirectory();
        string csr;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            await OcppSite.SetAsync<Data.OcppBackendSettings>(app.Service<Settings.SettingsService>(), b => b with { ChargeBoxId = "CP-RESTART" });
            var store = app.Service<CertificateStore>();
            Assert.Equal(InstallCertificateStatus.Accepted, (await store.InstallRootAsync(CertificateType.CentralSystemRoot, pki.Root, Ct)).Status);

            // The request's key is kept before SignCertificate goes out (here there is no backend to take it).
            await Assert.ThrowsAsync<OcppConnectionClosedException>(() => app.Service<ChargePointCertificateSigning>().RequestAsync(Ct));
            var pkcs8 = await app.Service<PendingSigningKey>().LoadAsync(Ct);
            Assert.NotNull(pkcs8);
            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            csr = ChargePointCertificateSigning.SigningRequest(key, "CP-RESTART", cpoName: null);
            foreach (var file in Directory.EnumerateFiles(data.Path, Data.StorageOptions.DatabaseFileName + "*"))
            {
                Assert.Equal(-1, (await File.ReadAllBytesAsync(file, Ct)).AsSpan().IndexOf(pkcs8)); // encrypted at rest (database and its log)
            }
        }

        using var signed = pki.Sign(csr);
        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        var signing = again.Service<ChargePointCertificateSigning>();
        Assert.Equal(CertificateSignedStatus.Accepted, await signing.AcceptAsync(signed.ExportCertificatePem(), Ct));
        Assert.Equal(signed.Thumbprint, again.Service<CertificateStore>().ChargePointCertificate?.Certificate.Thumbprint);
        using (var client = again.Service<CertificateStore>().ClientCertificate())
        {
            Assert.True(client!.HasPrivateKey);
        }

        // Used up: nothing is pending any more, the same chain again is refused.
        Assert.Null(await again.Service<PendingSigningKey>().LoadAsync(Ct));
        Assert.Equal(CertificateSignedStatus.Rejected, await signing.AcceptAsync(signed.ExportCertificatePem(), Ct));
    }
}
