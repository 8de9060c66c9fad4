namespace OpenCpm.Data;

/// <summary>Where the database lives.</summary>
internal sealed record StorageOptions(string DataDirectory)
{
    public const string DatabaseFileName = "opencpm.db";

    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);
}
