namespace OpenCpm.Updates;

/// <summary>
/// Host settings of software updates (section <c>Update</c>): where the versions are installed (default: found from the
/// program's own folder, <c>ROOT/versions/VERSION</c> or <c>ROOT/current</c>), the public key packages must be signed
/// with (default: the product's <see cref="DefaultPublicKeyFile"/> beside the program), how long a new version has to
/// report healthy, and how many starts it gets.
/// </summary>
internal sealed record UpdateOptions
{
    public const string Section = "Update";
    public const string DefaultPublicKeyFile = "update-signing-key.pem";

    public string? InstallRoot { get; init; }

    public string? PublicKeyFile { get; init; }

    public int HealthTimeoutSeconds { get; init; } = 120;

    public int MaxStartAttempts { get; init; } = 3;

    public string PublicKeyPath => PublicKeyFile ?? Path.Combine(AppContext.BaseDirectory, DefaultPublicKeyFile);
}
