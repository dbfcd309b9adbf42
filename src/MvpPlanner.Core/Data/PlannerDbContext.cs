using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Activity;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Core.Data;

public class PlannerDbContext(DbContextOptions<PlannerDbContext> options) : IdentityDbContext<PlannerUser>(options)
{
    private static readonly HashSet<string> PositionOnly = [nameof(Feature.Rank), nameof(RoadmapPhase.Order), nameof(EntityBase.Version), nameof(EntityBase.UpdatedAt), nameof(EntityBase.UpdatedById)];

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InstanceSettings> InstanceSettings => Set<InstanceSettings>();

    public DbSet<ActivityEntry> ActivityEntries => Set<ActivityEntry>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<TargetOutcome> TargetOutcomes => Set<TargetOutcome>();

    public DbSet<Persona> Personas => Set<Persona>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<Feature> Features => Set<Feature>();

    public DbSet<RoadmapPhase> RoadmapPhases => Set<RoadmapPhase>();

    public DbSet<Lane> Lanes => Set<Lane>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<JourneyStage> JourneyStages => Set<JourneyStage>();

    public DbSet<OperationRole> OperationRoles => Set<OperationRole>();

    public DbSet<CoreProcess> CoreProcesses => Set<CoreProcess>();

    public DbSet<EssentialTool> EssentialTools => Set<EssentialTool>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    public DbSet<KpiReview> KpiReviews => Set<KpiReview>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    /// <summary>Who the changes saved through this context are by; set by <see cref="PlanAccess"/> once the caller is allowed.</summary>
    public Caller? ActingUser { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlannerDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var activity = StampChanges(now);
        var touchedPlans = TouchedPlanIds();

        // The data, its activity entries and the plans' stamps are one commit: all or nothing, and one disk sync
        // instead of three when the caller has not begun a transaction of its own.
        await using var ownTransaction = Database.CurrentTransaction is null && (activity.Count > 0 || touchedPlans.Count > 0)
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (activity.Count > 0)
        {
            // Written after the save so new items have their ids (and a new plan its own id).
            ActivityEntries.AddRange(activity.Select(a => a.ToEntry(now, ActingUser)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (touchedPlans.Count > 0)
        {
            // After the data, in the same transaction: a reader that sees the new stamp sees the new data.
            await Plans.Where(p => touchedPlans.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ContentStamp, p => p.ContentStamp + 1), cancellationToken);
        }

        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private List<int> TouchedPlanIds() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not Plan)
        .Select(e => PlanItems.PlanIdOf(e.Entity))
        .Concat(ChangeTracker.Entries<Plan>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id))
        .Where(id => id != 0)
        .Distinct()
        .ToList();

    /// <summary>Sets times, authors and versions of everything being saved, so the version check
    /// (WHERE Version = original) refuses a save based on a stale copy; returns what the activity list should show.</summary>
    private List<PendingActivity> StampChanges(DateTime now)
    {
        var activity = new List<PendingActivity>();
        foreach (var entry in ChangeTracker.Entries<EntityBase>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.CreatedById = ActingUser?.UserId;
                    entry.Entity.UpdatedById = ActingUser?.UserId;
                    entry.Entity.Version = 1;
                    Record(activity, entry.Entity, "created");
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedById = ActingUser?.UserId;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    if (DescribeChange(entry) is { } action)
                    {
                        Record(activity, entry.Entity, action);
                    }

                    break;
                case EntityState.Deleted:
                    Record(activity, entry.Entity, "deleted");
                    break;
            }
        }

        return activity;
    }

    private static void Record(List<PendingActivity> activity, EntityBase item, string action)
    {
        if (item is Plan or IPlanItem)
        {
            activity.Add(new PendingActivity(item, action));
        }
    }

    /// <summary>Renumbering others' positions after a move is noise in the activity list; the move itself is not.</summary>
    private static string? DescribeChange(EntityEntry<EntityBase> entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Contains(nameof(Feature.PhaseId)) || changed.Contains(nameof(Feature.LaneId)))
        {
            return "moved";
        }

        return changed.All(PositionOnly.Contains) ? null : "updated";
    }

    private sealed record PendingActivity(EntityBase Item, string Action)
    {
        public ActivityEntry ToEntry(DateTime now, Caller? user) => new()
        {
            PlanId = Item is Plan plan ? plan.Id : ((IPlanItem)Item).PlanId,
            At = now,
            UserId = user?.UserId,
            UserName = user?.DisplayName ?? "System",
            Action = Action,
            ItemType = ItemTypeName(Item),
            ItemName = Item.ActivityName.Length > 200 ? Item.ActivityName[..200] : Item.ActivityName,
        };

        private static string ItemTypeName(EntityBase item) => item switch
        {
            Plan => "plan",
            TargetOutcome => "outcome",
            Persona => "persona",
            Problem => "problem",
            Feature => "feature",
            RoadmapPhase => "phase",
            Lane => "lane",
            Commitment => "commitment",
            JourneyStage => "journey stage",
            OperationRole => "role",
            CoreProcess => "core process",
            EssentialTool => "tool",
            Kpi => "KPI",
            _ => item.GetType().Name.ToLowerInvariant(),
        };
    }
}
