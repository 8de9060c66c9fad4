namespace OpenCpm.Data;

internal sealed class UserRow
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Written by ASP.NET Core's PasswordHasher (PBKDF2, salted); never the password.</summary>
    public required string PasswordHash { get; set; }

    public bool MustChangePassword { get; set; }

    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
