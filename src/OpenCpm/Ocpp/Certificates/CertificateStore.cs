using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// The certificates of the security whitepaper (and the manual's table): Central System roots, Manufacturer roots, and
/// the one Charge Point Certificate with its chain and private key. Kept in SQLite (table OcppCertificates; the key
/// encrypted with ASP.NET Core data protection, whose keys live in the owner-only data folder) and in memory. A root
/// must be a self-signed CA certificate in its validity period with a key of at least 2048 bits (RSA) or 224 bits
/// (EC); at most <see cref="MaxRoots"/> roots (CertificateStoreMaxLength). Deletion refuses what the connection stands
/// on: the last Central System root under security profile 2 or 3, and the Charge Point Certificate under profile 3.
/// </summary>
internal sealed class CertificateStore(
    IDbContextFactory<OpenCpmDbContext> databases,
    IDataProtectionProvider protection,
    SettingsService settings,
    TimeProvider time) : IHostedService, IManufacturerRootCertificates, IDisposable
{
    /// <summary>CertificateStoreMaxLength: roots of both kinds together.</summary>
    public const int MaxRoots = 20;

    private const string KeyPurpose = "OpenCpm.Ocpp.ChargePointKey";
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Dictionary<long, byte[]> _protectedKeys = [];
    private volatile IReadOnlyList<InstalledCertificate> _installed = [];

    public IReadOnlyList<InstalledCertificate> All => _installed;

    public IReadOnlyList<InstalledCertificate> Of(CertificateType type) => [.. _installed.Where(c => c.Type == type)];

    public InstalledCertificate? ChargePointCertificate => _installed.FirstOrDefault(c => c.Type == CertificateType.ChargePoint);

    public IReadOnlyList<X509Certificate2> ManufacturerRoots() => [.. Of(CertificateType.ManufacturerRoot).Select(c => X509CertificateLoader.LoadCertificate(c.Certificate.RawData))];

    public IReadOnlyList<X509Certificate2> CentralSystemRoots() => [.. Of(CertificateType.CentralSystemRoot).Select(c => X509CertificateLoader.LoadCertificate(c.Certificate.RawData))];

    /// <summary>The Charge Point Certificate with its private key (decrypted now; the caller disposes it), or null.</summary>
    public X509Certificate2? ClientCertificate()
    {
        if (ChargePointCertificate is not { } installed)
        {
            return null;
        }

        byte[] sealedKey;
        lock (_protectedKeys)
        {
            if (!_protectedKeys.TryGetValue(installed.Id, out sealedKey!))
            {
                return null;
            }
        }

        var key = Protector().Unprotect(sealedKey);
        try
        {
            return PrivateKeys.Attach(installed.Certificate, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Whether a Charge Point Certificate with its key is installed and valid now (what security profile 3 needs).</summary>
    public bool HasValidClientCertificate() => ChargePointCertificate is { HasPrivateKey: true } c && c.IsValidAt(time.GetUtcNow());

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.OcppCertificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var installed = new List<InstalledCertificate>();
        foreach (var row in rows)
        {
            if (!Enum.TryParse<CertificateType>(row.Type, out var type))
            {
                continue;
            }

            installed.Add(ToInstalled(row, type));
            if (row.ProtectedKey is { } key)
            {
                lock (_protectedKeys)
                {
                    _protectedKeys[row.Id] = key;
                }
            }
        }

        _installed = installed;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _writes.Dispose();

    /// <summary>Installs a Central System or Manufacturer root (InstallCertificate, or an upload).</summary>
    public async Task<CertificateResult> InstallRootAsync(CertificateType type, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (type == CertificateType.ChargePoint)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "not a root type");
        }

        if (RootProblem(certificate, time.GetUtcNow()) is { } problem)
        {
            return CertificateResult.Rejected(problem);
        }

        await _writes.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = CertificateHashes.Fingerprint(certificate);
            if (_installed.FirstOrDefault(c => c.Type == type && c.Sha256 == fingerprint) is { } already)
            {
                return new CertificateResult(InstallCertificateStatus.Accepted, already);
            }

            if (_installed.Count(c => c.Type != CertificateType.ChargePoint) >= MaxRoots)
            {
                return CertificateResult.Rejected($"The certificate store is full: at most {MaxRoots} root certificates (CertificateStoreMaxLength) are installed; delete one first.");
            }

            var row = new OcppCertificateRow { Type = type.ToString(), Certificate = certificate.RawData, Sha256 = fingerprint, InstalledAt = StoredNow() };
            return await SaveAsync(row, replaceChargePoint: false, key: null, cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Installs the Charge Point Certificate (leaf + intermediates + PKCS#8 key), replacing the one before.</summary>
    public async Task<CertificateResult> InstallChargePointAsync(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> chain, byte[] pkcs8Key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pkcs8Key);
        var now = time.GetUtcNow();
        if (!PrivateKeys.Matches(leaf, pkcs8Key))
        {
            return CertificateResult.Rejected("The private key does not belong to the charge point certificate.", "key");
        }

        if ((ValidityProblem(leaf, now) ?? KeyProblem(leaf)) is { } problem)
        {
            return CertificateResult.Rejected($"The charge point certificate {problem}");
        }

        if (leaf.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            return CertificateResult.Rejected("The charge point certificate is a CA certificate; a TLS client certificate is expected.");
        }

        await _writes.WaitAsync(cancellationToken);
        try
        {
            var row = new OcppCertificateRow
            {
                Type = nameof(CertificateType.ChargePoint),
                Certificate = leaf.RawData,
                Chain = chain.Count == 0 ? null : string.Concat(chain.Select(c => c.ExportCertificatePem() + "\n")),
                ProtectedKey = Protector().Protect(pkcs8Key),
                Sha256 = CertificateHashes.Fingerprint(leaf),
                InstalledAt = StoredNow(),
            };
            return await SaveAsync(row, replaceChargePoint: true, row.ProtectedKey, cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>GetInstalledCertificateIds: the hash data of the roots of one kind.</summary>
    public IReadOnlyList<CertificateHashData> HashData(CertificateType type) =>
        [.. Of(type).Select(c => CertificateHashes.Of(c.Certificate, IssuerOf(c) ?? c.Certificate))];

    /// <summary>DeleteCertificate: the certificate with this hash data (a root; the Charge Point Certificate is never deleted this way).</summary>
    public async Task<DeleteCertificateStatus> DeleteAsync(CertificateHashData hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var match = _installed.FirstOrDefault(c => IssuerOf(c) is { } issuer && CertificateHashes.Same(CertificateHashes.Of(c.Certificate, issuer, hash.HashAlgorithm), hash));
        if (match is null)
        {
            return DeleteCertificateStatus.NotFound;
        }

        if (match.Type == CertificateType.ChargePoint)
        {
            return DeleteCertificateStatus.Failed;
        }

        return (await DeleteAsync(match.Id, cancellationToken)).Status == CertificateRemovalStatus.Deleted ? DeleteCertificateStatus.Accepted : DeleteCertificateStatus.Failed;
    }

    public async Task<CertificateRemoval> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            if (_installed.FirstOrDefault(c => c.Id == id) is not { } target)
            {
                return new CertificateRemoval(CertificateRemovalStatus.NotFound, $"No certificate {id} is installed.");
            }

            var profile = settings.Current.Get<OcppBackendSettings>().SecurityProfile;
            if (target.Type == CertificateType.CentralSystemRoot && profile >= 2 && Of(CertificateType.CentralSystemRoot).Count == 1)
            {
                return new CertificateRemoval(CertificateRemovalStatus.InUse, $"It is the only Central System root certificate and the backend connection uses security profile {profile}; install another root or lower the profile first.");
            }

            if (target.Type == CertificateType.ChargePoint && profile == 3)
            {
                return new CertificateRemoval(CertificateRemovalStatus.InUse, "The backend connection uses security profile 3 with this charge point certificate; lower the profile first.");
            }

            try
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken);
                await db.OcppCertificates.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                return new CertificateRemoval(CertificateRemovalStatus.Failed, $"The certificate could not be deleted from storage: {ex.Message}");
            }

            lock (_protectedKeys)
            {
                _protectedKeys.Remove(id);
            }

            _installed = [.. _installed.Where(c => c.Id != id)];
            return new CertificateRemoval(CertificateRemovalStatus.Deleted);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Why <paramref name="certificate"/> can't be a root, or null.</summary>
    public static string? RootProblem(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            return $"The certificate \"{certificate.Subject}\" is not a CA certificate (its basic constraints do not say cA=true).";
        }

        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return $"The certificate \"{certificate.Subject}\" is not a root: it is issued by \"{certificate.Issuer}\", not by itself.";
        }

        if ((ValidityProblem(certificate, now) ?? KeyProblem(certificate)) is { } problem)
        {
            return $"The certificate \"{certificate.Subject}\" {problem}";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(certificate) ? null : $"The certificate \"{certificate.Subject}\" does not verify as a self-signed root ({string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()))}).";
    }

    /// <summary>"is not valid before …"/"expired on …" (a sentence ending), or null.</summary>
    public static string? ValidityProblem(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        return now < notBefore ? FormattableString.Invariant($"is not valid before {notBefore:yyyy-MM-dd HH:mm:ss} UTC.")
            : now > notAfter ? FormattableString.Invariant($"expired on {notAfter:yyyy-MM-dd HH:mm:ss} UTC.")
            : null;
    }

    /// <summary>The whitepaper's minimum key sizes: RSA 2048 bits, EC 224 bits.</summary>
    public static string? KeyProblem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize < 2048 ? FormattableString.Invariant($"has an RSA key of {rsa.KeySize} bits; at least 2048 are needed.") : null;
        }

        using var ec = certificate.GetECDsaPublicKey();
        if (ec is not null)
        {
            return ec.KeySize < 224 ? FormattableString.Invariant($"has an EC key of {ec.KeySize} bits; at least 224 are needed.") : null;
        }

        return "has a key that is neither RSA nor EC.";
    }

    /// <summary>The issuer of an installed certificate: itself for a root, else from its chain or the Central System roots.</summary>
    private X509Certificate2? IssuerOf(InstalledCertificate installed)
    {
        var certificate = installed.Certificate;
        if (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return certificate;
        }

        return installed.Chain.Concat(Of(CertificateType.CentralSystemRoot).Select(c => c.Certificate))
            .FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData));
    }

    private async Task<CertificateResult> SaveAsync(OcppCertificateRow row, bool replaceChargePoint, byte[]? key, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (replaceChargePoint)
            {
                await db.OcppCertificates.Where(c => c.Type == row.Type).ExecuteDeleteAsync(cancellationToken);
            }

            db.OcppCertificates.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            return new CertificateResult(InstallCertificateStatus.Failed, null, $"The certificate could not be stored: {ex.Message}");
        }

        var type = Enum.Parse<CertificateType>(row.Type);
        var installed = ToInstalled(row, type);
        if (key is not null)
        {
            lock (_protectedKeys)
            {
                _protectedKeys.Clear();
                _protectedKeys[row.Id] = key;
            }
        }

        _installed = [.. _installed.Where(c => !(replaceChargePoint && c.Type == type)), installed];
        return new CertificateResult(InstallCertificateStatus.Accepted, installed);
    }

    private static InstalledCertificate ToInstalled(OcppCertificateRow row, CertificateType type)
    {
        var chain = row.Chain is { Length: > 0 } pem ? CertificateBundle.FromPem(pem, null, "chain").Certificates : [];
        return new InstalledCertificate(row.Id, type, X509CertificateLoader.LoadCertificate(row.Certificate), chain, row.ProtectedKey is not null, row.Sha256, row.InstalledAt);
    }

    /// <summary>Now, to the millisecond the database keeps (so a list before and after a restart is the same).</summary>
    private DateTimeOffset StoredNow()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private IDataProtector Protector() => protection.CreateProtector(KeyPurpose);
}
