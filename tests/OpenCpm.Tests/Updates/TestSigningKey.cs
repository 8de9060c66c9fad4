using System.Security.Cryptography;

namespace OpenCpm.Tests.Updates;

/// <summary>A release key pair made for the tests (never the product's): the private key signs, the public PEM file verifies.</summary>
internal sealed class TestSigningKey : IDisposable
{
    public TestSigningKey(string folder)
    {
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        PublicKeyFile = Path.Combine(folder, "test-update-key.pem");
        File.WriteAllText(PublicKeyFile, Key.ExportSubjectPublicKeyInfoPem());
    }

    public ECDsa Key { get; }

    public string PublicKeyFile { get; }

    public void Dispose() => Key.Dispose();
}
