using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MvpPlanner.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlannerDbContext>
{
    public PlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=design.db").Options);
}
