using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Tests.Ocpp;

namespace OpenCpm.Tests.Api;

/// <summary>
/// /api/v1/ocpp/certificates: uploads as PEM and .pfx, problems that name the field, list and delete — and the charge
/// point certificate's private key appears in no answer and is not stored in the clear.
/// </summary>
public sealed class CertificateApiTests
{
    private const string Url = "/api/v1/ocpp/certificates";
    private const string Password = "pfx-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Certificates_are_uploaded_as_pem_and_pfx_listed_without_the_key_and_deleted()
    {
        using var pki = new TestPki();
        using var chargePoint = pki.ChargePoint("CP-API");
        var keyPem = TestPki.KeyPem(chargePoint);
        var keyBase64 = keyPem.Split('\n')[1];
        using var data = new Shared.TempDirectory();
        string listText;
        long id;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await app.CreateClientAsync();

            var root = await client.PostAsJsonAsync(Url, new { type = "CentralSystemRoot", pem = pki.RootPem }, Ct);
            Assert.Equal(HttpStatusCode.Created, root.StatusCode);
            var rootDto = await root.JsonAsync();
            Assert.Equal(pki.Root.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), rootDto.GetProperty("sha256Fingerprint").GetString());
            Assert.Equal("CentralSystemRoot", rootDto.GetProperty("type").GetString());

            var pfx = await client.PostAsJsonAsync(Url, new { type = "ChargePoint", pfx = Convert.ToBase64String(chargePoint.Export(X509ContentType.Pkcs12, Password)), password = Password }, Ct);
            var pfxText = await pfx.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.Created, pfx.StatusCode);
            Assert.True((await pfx.JsonAsync()).GetProperty("hasPrivateKey").GetBoolean());

            // PEM with the key replaces the charge point certificate.
            var pem = await client.PostAsJsonAsync(Url, new { type = "ChargePoint", pem = chargePoint.ExportCertificatePem() + "\n" + keyPem }, Ct);
            Assert.Equal(HttpStatusCode.Created, pem.StatusCode);

            listText = await client.GetStringAsync(Url, Ct);
            var list = await (await client.GetAsync(Url, Ct)).JsonAsync();
            Assert.Equal(2, list.GetArrayLength());
            Assert.Equal(["CentralSystemRoot", "ChargePoint"], list.EnumerateArray().Select(c => c.GetProperty("type").GetString()!));
            Assert.Equal("CN=CP-API, O=Test CPO", list[1].GetProperty("subject").GetString());
            foreach (var text in new[] { listText, pfxText })
            {
                Assert.DoesNotContain("PRIVATE", text, StringComparison.Ordinal);
                Assert.DoesNotContain(keyBase64[..32], text, StringComparison.Ordinal);
            }

            // At rest the key is encrypted (data protection), not the PKCS#8 bytes.
            var pkcs8 = Convert.FromBase64String(string.Concat(keyPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
            await using (var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct))
            {
                var stored = await db.OcppCertificates.SingleAsync(c => c.Type == "ChargePoint", Ct);
                Assert.NotNull(stored.ProtectedKey);
                Assert.False(stored.ProtectedKey.AsSpan().IndexOf(pkcs8.AsSpan(pkcs8.Length - 32)) >= 0);
            }

            using var restored = app.Service<CertificateStore>().ClientCertificate();
            Assert.Equal(chargePoint.Thumbprint, restored!.Thumbprint);
            Assert.True(restored.HasPrivateKey);

            id = list[1].GetProperty("id").GetInt64();
        }

        // After a restart: the same certificates, and the key still opens (data protection's keys are in the data folder).
        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        using var second = await again.CreateClientAsync();
        Assert.Equal(listText, await second.GetStringAsync(Url, Ct));
        using (var reopened = again.Service<CertificateStore>().ClientCertificate())
        {
            Assert.Equal(chargePoint.Thumbprint, reopened!.Thumbprint);
            Assert.True(reopened.HasPrivateKey);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"{Url}/{id}", Ct)).StatusCode);
        await ProblemAssert.IsProblemAsync(await second.DeleteAsync($"{Url}/{id}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(1, (await (await second.GetAsync(Url, Ct)).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Bad_uploads_are_answered_400_naming_the_field_and_an_oversized_one_413()
    {
        using var pki = new TestPki();
        using var chargePoint = pki.ChargePoint("CP-API");
        using var other = pki.ChargePoint("other");
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var cases = new (object Body, string Field)[]
        {
            (new { type = "ChargePoint", pfx = Convert.ToBase64String(chargePoint.Export(X509ContentType.Pkcs12, Password)), password = "wrong" }, "password"),
            (new { type = "CentralSystemRoot", pem = "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n" }, "pem"),
            (new { type = "CentralSystemRoot", pem = "hello" }, "pem"),
            (new { type = "CentralSystemRoot", pfx = Convert.ToBase64String("garbage"u8.ToArray()) }, "pfx"),
            (new { type = "CentralSystemRoot", pfx = "%%%" }, "pfx"),
            (new { type = "ManufacturerRoot", pem = chargePoint.ExportCertificatePem() }, "pem"),
            (new { type = "ChargePoint", pem = chargePoint.ExportCertificatePem() }, "pem"),
            (new { type = "ChargePoint", pem = chargePoint.ExportCertificatePem() + "\n" + TestPki.KeyPem(other) }, "pem"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(Url, body, Ct), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }

        var mismatch = await ProblemAssert.DetailAsync(await client.PostAsJsonAsync(Url, cases[^1].Body, Ct), HttpStatusCode.BadRequest);
        Assert.Equal("The private key does not belong to the charge point certificate.", mismatch);

        var unknownType = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(Url, new { type = "Nonsense", pem = pki.RootPem }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("type", unknownType.GetProperty("detail").GetString()!, StringComparison.Ordinal);

        var huge = await client.PostAsJsonAsync(Url, new { type = "CentralSystemRoot", pem = new string('A', 300 * 1024) }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(0, (await (await client.GetAsync(Url, Ct)).JsonAsync()).GetArrayLength());
    }
}
