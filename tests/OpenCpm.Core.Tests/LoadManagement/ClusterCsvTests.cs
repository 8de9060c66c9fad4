using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class ClusterCsvTests
{
    [Fact]
    public void Export_then_import_gives_back_the_same_clusters()
    {
        ClusterSettings[] clusters =
        [
            new() { Id = "garage", MaxCurrentA = 40, Phases = PhaseSet.AllThree, MinChargingCurrentA = 8 },
            new() { Id = "=west, \"old\"", MaxCurrentA = 16.5, Phases = PhaseSet.Of(Phase.L2) },
        ];

        var result = ClusterCsv.Import(ClusterCsv.Export(clusters));

        Assert.Empty(result.Errors);
        Assert.Equal("garage", result.Clusters[0].Id);
        Assert.Equal(8, result.Clusters[0].MinChargingCurrentA);
        Assert.Equal(PhaseSet.AllThree, result.Clusters[0].Phases);
        Assert.Equal(16.5, result.Clusters[1].MaxCurrentA);
        Assert.Equal(PhaseSet.Of(Phase.L2), result.Clusters[1].Phases);
        Assert.Null(result.Clusters[1].MinChargingCurrentA);
    }

    [Fact]
    public void Import_takes_semicolons_a_byte_order_mark_blank_lines_and_empty_phases_as_all_three()
    {
        var result = ClusterCsv.Import("\uFEFFAlias;MaxCurrentA;Phases;MinChargingCurrentA\n\ncarport;25;;\n");

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(("carport", 25.0, PhaseSet.AllThree), (cluster.Id, cluster.MaxCurrentA, cluster.Phases));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "", "The first line must be the header alias,maxCurrentA,phases,minChargingCurrentA." },
        { "alias,max\r\na,1\r\n", "The first line must be the header alias,maxCurrentA,phases,minChargingCurrentA." },
        { "alias,maxCurrentA,phases,minChargingCurrentA\r\na,lots,L1,\r\n", "line 2: 'maxCurrentA' must be a number of amperes but is \"lots\"." },
        { "alias,maxCurrentA,phases,minChargingCurrentA\r\na,16,L4,\r\n", "line 2: 'phases' must list L1, L2 and/or L3 but has \"L4\"." },
        { "alias,maxCurrentA,phases,minChargingCurrentA\r\na,16,1,\r\n", "line 2: 'phases' must list L1, L2 and/or L3 but has \"1\"." },
        { "alias,maxCurrentA,phases,minChargingCurrentA\r\na,16\r\n", "line 2: expected 4 fields but found 2." },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public void Import_refuses_a_bad_file_as_a_whole_naming_the_line_and_field(string csv, string error)
    {
        var result = ClusterCsv.Import(csv);

        Assert.Empty(result.Clusters);
        Assert.Equal(error, Assert.Single(result.Errors));
    }
}
