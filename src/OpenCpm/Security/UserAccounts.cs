using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>Users of the web UI and the API, with passwords hashed by ASP.NET Core's <see cref="PasswordHasher{TUser}"/>.</summary>
internal sealed class UserAccounts(IDbContextFactory<OpenCpmDbContext> dbFactory, TimeProvider time)
{
    public const string AdminName = "admin";

    public const string WrongCurrentPassword = "The current password is wrong.";

    public const string SamePassword = "The new password must differ from the current one.";

    private readonly PasswordHasher<UserRow> _hasher = new();

    /// <summary>Verified against when the user does not exist, so an unknown name takes as long as a wrong password.</summary>
    private readonly Lazy<string> _decoyHash = new(() => new PasswordHasher<UserRow>().HashPassword(
        new UserRow { Name = "", PasswordHash = "", Role = "" }, PasswordGenerator.Generate()));

    /// <summary>
    /// Makes sure a user can log in: when no user exists, creates <c>admin</c> with <paramref name="presetPassword"/>
    /// (no forced change) or with a fresh random password that must be changed at first login, which is returned.
    /// </summary>
    public async Task<string?> EnsureAdminAsync(string? presetPassword, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var generated = presetPassword is null ? PasswordGenerator.Generate() : null;
        var user = new UserRow
        {
            Name = AdminName,
            PasswordHash = "",
            Role = UserRoles.Admin,
            MustChangePassword = generated is not null,
            CreatedAt = time.GetUtcNow(),
        };
        user.PasswordHash = _hasher.HashPassword(user, presetPassword ?? generated!);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return generated;
    }

    /// <summary>The user when name and password match, else null.</summary>
    public async Task<UserAccount?> AuthenticateAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user is null)
        {
            _hasher.VerifyHashedPassword(new UserRow { Name = name, PasswordHash = "", Role = "" }, _decoyHash.Value, password);
            return null;
        }

        switch (_hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return ToAccount(user);
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = _hasher.HashPassword(user, password);
                await db.SaveChangesAsync(cancellationToken);
                return ToAccount(user);
            default:
                return null;
        }
    }

    public async Task<UserAccount?> GetAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToAccount(user);
    }

    /// <summary>
    /// Changes the password after checking the current one and the rules, and in the same transaction revokes every
    /// token of the user (login and API) but <paramref name="keepTokenId"/> (the caller's own, unless it was issued
    /// for a first login: pass null then).
    /// </summary>
    public async Task<PasswordChangeOutcome> ChangePasswordAsync(
        int userId, string currentPassword, string newPassword, long? keepTokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || _hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return new PasswordChangeOutcome(WrongCurrentPassword, WrongCurrentPassword: true);
        }

        if (PasswordPolicy.Check(newPassword) is { } problem)
        {
            return new PasswordChangeOutcome(problem, WrongCurrentPassword: false);
        }

        if (newPassword == currentPassword)
        {
            return new PasswordChangeOutcome(SamePassword, WrongCurrentPassword: false);
        }

        user.PasswordHash = _hasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Tokens.Where(t => t.UserId == userId && t.Id != keepTokenId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PasswordChangeOutcome.Done;
    }

    /// <summary>
    /// Sets the password of <paramref name="name"/> without the current one (recovery key): <paramref name="password"/>
    /// (already checked against the rules), or a fresh first-login password, returned, when null. Creates the user as
    /// an administrator when it does not exist. In the same transaction every token of the user (login and API) is
    /// revoked. Returns the user's id and the generated password.
    /// </summary>
    public async Task<(int UserId, string? Generated)> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user is null)
        {
            user = new UserRow { Name = name, PasswordHash = "", Role = UserRoles.Admin, CreatedAt = time.GetUtcNow() };
            db.Users.Add(user);
        }

        var generated = password is null ? PasswordGenerator.Generate() : null;
        user.PasswordHash = _hasher.HashPassword(user, password ?? generated!);
        user.MustChangePassword = generated is not null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Tokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user.Id, generated);
    }

    private static UserAccount ToAccount(UserRow user) => new(user.Id, user.Name, user.Role, user.MustChangePassword);
}
