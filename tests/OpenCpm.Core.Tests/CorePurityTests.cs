using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests;

public sealed class CorePurityTests
{
    [Fact]
    public void Core_references_nothing_but_the_base_class_library()
    {
        var references = typeof(PhaseCurrents).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"OpenCpm.Core must reference only System.* but references {name}."));
    }
}
