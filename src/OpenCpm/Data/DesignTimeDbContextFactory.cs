using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenCpm.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the command-line entry point.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OpenCpmDbContext>
{
    public OpenCpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OpenCpmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
