using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Data;

public class PlannerDbContext(DbContextOptions<PlannerDbContext> options, TimeProvider? clock = null) : DbContext(options)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<TargetOutcome> TargetOutcomes => Set<TargetOutcome>();

    public DbSet<Persona> Personas => Set<Persona>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<Feature> Features => Set<Feature>();

    public DbSet<RoadmapPhase> RoadmapPhases => Set<RoadmapPhase>();

    public DbSet<Lane> Lanes => Set<Lane>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlannerDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Sets the times and bumps the version of everything being saved, so the version check
    /// (WHERE Version = original) refuses a save based on a stale copy.</summary>
    private void StampChanges()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<EntityBase>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }
    }
}
