using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MvpPlanner.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlannerDbContext>
{
    public PlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>The same for PostgreSQL's migrations (<c>--context PostgreSqlPlannerDbContext</c>); no server is needed to add one.</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlPlannerDbContext>
{
    public PostgreSqlPlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPlannerDbContext>().UseNpgsql("Host=localhost;Database=mvpplanner_design").Options);
}
