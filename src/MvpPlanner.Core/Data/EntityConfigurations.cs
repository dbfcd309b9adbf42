using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Data;

internal static class EntityBaseConfiguration
{
    public static void ConfigureBase<T>(this EntityTypeBuilder<T> builder)
        where T : EntityBase =>
        builder.Property(e => e.Version).IsConcurrencyToken();
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ConfigureBase();
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(p => p.Vision).HasMaxLength(TextLimits.Line);
        builder.Property(p => p.ValueProposition).HasMaxLength(TextLimits.Text);
        builder.HasIndex(p => p.DeletedAt);
        builder.HasMany(p => p.Outcomes).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Personas).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Problems).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Features).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Phases).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Lanes).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TargetOutcomeConfiguration : IEntityTypeConfiguration<TargetOutcome>
{
    public void Configure(EntityTypeBuilder<TargetOutcome> builder)
    {
        builder.ConfigureBase();
        builder.Property(o => o.Description).HasMaxLength(TextLimits.Line).IsRequired();
        builder.Property(o => o.Metric).HasMaxLength(TextLimits.Name);
        builder.Property(o => o.Baseline).HasMaxLength(TextLimits.Name);
        builder.Property(o => o.Target).HasMaxLength(TextLimits.Name);
        builder.HasOne(o => o.Persona).WithMany().HasForeignKey(o => o.PersonaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(o => o.Features).WithMany().UsingEntity("OutcomeFeatures");
        builder.HasMany(o => o.Measurements).WithOne(m => m.Outcome).HasForeignKey(m => m.OutcomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeMeasurementConfiguration : IEntityTypeConfiguration<OutcomeMeasurement>
{
    public void Configure(EntityTypeBuilder<OutcomeMeasurement> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(TextLimits.Line);
        builder.HasIndex(m => new { m.OutcomeId, m.MeasuredOn });
    }
}

internal sealed class PersonaConfiguration : IEntityTypeConfiguration<Persona>
{
    public void Configure(EntityTypeBuilder<Persona> builder)
    {
        builder.ConfigureBase();
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(p => p.UserGroup).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Goals).HasMaxLength(TextLimits.Text);
        builder.Property(p => p.Pains).HasMaxLength(TextLimits.Text);
        builder.Property(p => p.Context).HasMaxLength(TextLimits.Text);
        // Deleting a persona unlinks its problems; the problems themselves stay.
        builder.HasMany(p => p.Problems).WithMany(p => p.Personas).UsingEntity("ProblemPersonas");
    }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.ConfigureBase();
        builder.Property(p => p.Statement).HasMaxLength(TextLimits.Line).IsRequired();
        builder.Property(p => p.Evidence).HasMaxLength(TextLimits.Text);
        builder.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(p => p.Features).WithMany(f => f.Problems).UsingEntity("FeatureProblems");
    }
}

internal sealed class FeatureConfiguration : IEntityTypeConfiguration<Feature>
{
    public void Configure(EntityTypeBuilder<Feature> builder)
    {
        builder.ConfigureBase();
        builder.Property(f => f.Title).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(TextLimits.Text);
        builder.Property(f => f.Owner).HasMaxLength(TextLimits.Name);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Moscow).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(f => f.RiceScore);
        builder.HasOne(f => f.Phase).WithMany(p => p.Features).HasForeignKey(f => f.PhaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.Lane).WithMany(l => l.Features).HasForeignKey(f => f.LaneId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.PlanId, f.PhaseId, f.LaneId, f.Rank });
        builder.Property(f => f.StartPrecision).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.TargetPrecision).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(f => f.Start);
        builder.Ignore(f => f.Target);

        // "This one needs that one": the pair is the key, so the same dependency cannot be stored twice even when two
        // people add it at once. Deleting either feature removes the link.
        builder.HasMany(f => f.Dependencies).WithMany(f => f.Dependents).UsingEntity(
            "FeatureDependencies",
            r => r.HasOne(typeof(Feature)).WithMany().HasForeignKey("DependsOnId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Feature)).WithMany().HasForeignKey("FeatureId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("FeatureId", "DependsOnId"));
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ConfigureBase();
        builder.Property(m => m.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(m => m.Notes).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Lane).WithMany().HasForeignKey(m => m.LaneId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.PlanId, m.Date });
    }
}

internal sealed class RoadmapPhaseConfiguration : IEntityTypeConfiguration<RoadmapPhase>
{
    public void Configure(EntityTypeBuilder<RoadmapPhase> builder)
    {
        builder.ConfigureBase();
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(p => p.Goal).HasMaxLength(TextLimits.Text);
        builder.Property(p => p.ExitCriteria).HasMaxLength(TextLimits.Text);
    }
}

internal sealed class LaneConfiguration : IEntityTypeConfiguration<Lane>
{
    public void Configure(EntityTypeBuilder<Lane> builder)
    {
        builder.ConfigureBase();
        builder.Property(l => l.Name).HasMaxLength(TextLimits.Name).IsRequired();
    }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ConfigureBase();
        builder.Property(w => w.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.HasMany(w => w.Members).WithOne(m => m.Workspace).HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Plans).WithOne(p => p.Workspace).HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Invitations).WithOne(i => i.Workspace).HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.WorkspaceId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Label).HasMaxLength(TextLimits.Name);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class PlannerUserConfiguration : IEntityTypeConfiguration<PlannerUser>
{
    public void Configure(EntityTypeBuilder<PlannerUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.Name);
}
