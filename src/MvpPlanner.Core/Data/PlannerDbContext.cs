using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Core.Data;

public class PlannerDbContext : IdentityDbContext<PlannerUser>, IDataProtectionKeyContext
{
    private readonly DbContextOptions _options;

    public PlannerDbContext(DbContextOptions<PlannerDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    /// <summary>For <see cref="PostgreSqlPlannerDbContext"/>, the same model under its own migrations.</summary>
    protected PlannerDbContext(DbContextOptions options)
        : base(options) => _options = options;

    /// <summary>The key ring behind sign-in cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

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

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<JourneyStage> JourneyStages => Set<JourneyStage>();

    public DbSet<OperationRole> OperationRoles => Set<OperationRole>();

    public DbSet<CoreProcess> CoreProcesses => Set<CoreProcess>();

    public DbSet<EssentialTool> EssentialTools => Set<EssentialTool>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    public DbSet<KpiReview> KpiReviews => Set<KpiReview>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<FeedbackLink> FeedbackLinks => Set<FeedbackLink>();

    public DbSet<TrashedItem> TrashedItems => Set<TrashedItem>();

    public DbSet<OutcomeMeasurement> OutcomeMeasurements => Set<OutcomeMeasurement>();

    public DbSet<Feedback.FeedbackItem> FeedbackItems => Set<Feedback.FeedbackItem>();

    public DbSet<GateCondition> GateConditions => Set<GateCondition>();

    public DbSet<PhaseDecision> PhaseDecisions => Set<PhaseDecision>();
    public DbSet<Reviews.CalendarFeed> CalendarFeeds => Set<Reviews.CalendarFeed>();

    public DbSet<Reviews.PlanVisit> PlanVisits => Set<Reviews.PlanVisit>();

    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Webhooks.WebhookCursor> WebhookCursors => Set<Webhooks.WebhookCursor>();

    public DbSet<Webhooks.WebhookFindingSet> WebhookFindingSets => Set<Webhooks.WebhookFindingSet>();

    /// <summary>Who the changes saved through this context are by; set by <see cref="PlanAccess"/> once the caller is allowed.</summary>
    public Caller? ActingUser { get; set; }

    /// <summary>The app's clock (a fixed one in tests), so creation times, trash dates and the purge agree with the services.</summary>
    public TimeProvider Clock
    {
        get => _clock ??= _options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
        set => _clock = value;
    }

    private TimeProvider? _clock;

    /// <summary>What differs between the providers: SQLite has no decimal type, so decimals are stored as doubles
    /// (SUM and ORDER BY stay in the database); PostgreSQL's timestamptz takes UTC only, so every time is written as UTC.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

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
        var history = await HistoryRecorder.CollectAsync(this, cancellationToken);
        StampChanges(now);
        var touchedPlans = TouchedPlanIds();

        // The data, its history entries and the plans' stamps are one commit: all or nothing, and one disk sync
        // instead of three when the caller has not begun a transaction of its own.
        await using var ownTransaction = Database.CurrentTransaction is null && (history.Count > 0 || touchedPlans.Count > 0)
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (history.Count > 0)
        {
            // Written after the save so new items have their ids (and a new plan its own id).
            ChangeSetId ??= Guid.NewGuid();
            ActivityEntries.AddRange(history.Select(h => HistoryRecorder.ToEntry(h, now, ActingUser, ChangeSetId.Value)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            RecordedChanges += history.Count;
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

        _restoring.Clear();
        _moved.Clear();
        return saved;
    }

    /// <summary>Groups the history entries of one user action (set by the write path; otherwise one per save), so one
    /// Undo takes the whole action back.</summary>
    public Guid? ChangeSetId { get; set; }

    /// <summary>How many history entries this context has written: zero means the action changed nothing to undo.</summary>
    public int RecordedChanges { get; private set; }

    private readonly Dictionary<object, EntityBase> _restoring = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks an item being put back from the trash: it keeps who made it and when, continues its version
    /// numbers, and its history says "restored".</summary>
    internal void MarkRestoring(EntityBase item, int lastVersion, DateTime createdAt, string? createdById)
    {
        item.Version = lastVersion;
        item.CreatedAt = createdAt;
        item.CreatedById = createdById;
        _restoring[item] = item;
    }

    internal bool IsRestoring(object item) => _restoring.ContainsKey(item);

    private readonly HashSet<object> _moved = new(ReferenceEqualityComparer.Instance);

    internal void MarkMoved(EntityBase item) => _moved.Add(item);

    internal bool IsMoved(object item) => _moved.Contains(item);

    private List<int> TouchedPlanIds() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not Plan)
        .Select(e => PlanItems.PlanIdOf(e.Entity))
        .Concat(ChangeTracker.Entries<Plan>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id))
        .Where(id => id != 0)
        .Distinct()
        .ToList();

    /// <summary>Sets times, authors and versions of everything being saved, so the version check
    /// (WHERE Version = original) refuses a save based on a stale copy.</summary>
    private void StampChanges(DateTime now)
    {
        foreach (var entry in ChangeTracker.Entries<EntityBase>())
        {
            switch (entry.State)
            {
                case EntityState.Added when IsRestoring(entry.Entity):
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedById = ActingUser?.AccountId;
                    entry.Entity.Version += 1;
                    break;
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.CreatedById = ActingUser?.AccountId;
                    entry.Entity.UpdatedById = ActingUser?.AccountId;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedById = ActingUser?.AccountId;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }
    }
}
