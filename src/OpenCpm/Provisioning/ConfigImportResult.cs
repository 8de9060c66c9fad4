namespace OpenCpm.Provisioning;

/// <summary>
/// What became of a configuration file: applied (all of it) or not at all, with every problem (line and variable
/// where the file is at fault), the notices (unknown or not applied variables, units taken out of texts) and the
/// warnings of the charging network's validation.
/// </summary>
internal sealed record ConfigImportResult(bool Applied, IReadOnlyList<string> Problems, IReadOnlyList<string> Notices, IReadOnlyList<string> Warnings)
{
    public static ConfigImportResult Refused(IReadOnlyList<string> problems, IReadOnlyList<string>? notices = null) =>
        new(false, problems, notices ?? [], []);
}
