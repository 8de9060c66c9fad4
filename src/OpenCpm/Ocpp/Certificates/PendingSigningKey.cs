using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// The private key of the pending certificate signing request, kept in SQLite (<see cref="OcppSigningKeyRow"/>,
/// encrypted with data protection) so that a CertificateSigned arriving after a restart still finds it. A new request
/// replaces it; an installed certificate removes it.
/// </summary>
internal sealed class PendingSigningKey(IDbContextFactory<OpenCpmDbContext> databases, IDataProtectionProvider protection, TimeProvider time)
{
    private const string Purpose = "OpenCpm.Ocpp.PendingSigningKey";

    /// <summary>Keeps <paramref name="pkcs8"/> as the pending key (the one before is gone).</summary>
    public async Task SaveAsync(byte[] pkcs8, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OcppSigningKeys.ExecuteDeleteAsync(cancellationToken);
        db.OcppSigningKeys.Add(new OcppSigningKeyRow { ProtectedKey = Protector().Protect(pkcs8), RequestedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The pending key (PKCS#8; the caller zeroes it), or null when none is pending or it can't be decrypted any more.</summary>
    public async Task<byte[]?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.OcppSigningKeys.AsNoTracking().OrderByDescending(k => k.Id).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        try
        {
            return Protector().Unprotect(row.ProtectedKey);
        }
        catch (CryptographicException)
        {
            return null; // the data protection keys were lost: the backend has to ask for a new request
        }
    }

    /// <summary>Forgets the pending key (its certificate was installed).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OcppSigningKeys.ExecuteDeleteAsync(cancellationToken);
    }

    private IDataProtector Protector() => protection.CreateProtector(Purpose);
}
