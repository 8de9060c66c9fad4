namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>Finds files of this checkout (the folder holding OpenCpm.slnx) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ScenariosFolder => Path.Combine(Root, "scenarios");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenCpm.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OpenCpm.slnx above {AppContext.BaseDirectory}.");
    }
}
