using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Data;

internal sealed class PlanOperationsConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasMany(p => p.Commitments).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.JourneyStages).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.OperationRoles).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CoreProcesses).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.EssentialTools).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Kpis).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ConfigureBase();
        builder.Property(c => c.Text).HasMaxLength(TextLimits.Line).IsRequired();
    }
}

internal sealed class JourneyStageConfiguration : IEntityTypeConfiguration<JourneyStage>
{
    public void Configure(EntityTypeBuilder<JourneyStage> builder)
    {
        builder.ConfigureBase();
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(s => s.Touchpoints).HasMaxLength(TextLimits.Text);
        builder.Property(s => s.InternalActions).HasMaxLength(TextLimits.Text);
    }
}

internal sealed class OperationRoleConfiguration : IEntityTypeConfiguration<OperationRole>
{
    public void Configure(EntityTypeBuilder<OperationRole> builder)
    {
        builder.ConfigureBase();
        builder.Property(r => r.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(r => r.Holder).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class CoreProcessConfiguration : IEntityTypeConfiguration<CoreProcess>
{
    public void Configure(EntityTypeBuilder<CoreProcess> builder)
    {
        builder.ConfigureBase();
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(p => p.Steps).HasMaxLength(TextLimits.Text);
        builder.Property(p => p.Automation).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.StepList);
        // A deleted stage or role leaves its processes in place, flagged by the readiness check.
        builder.HasOne(p => p.Stage).WithMany(s => s.Processes).HasForeignKey(p => p.StageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.OwnerRole).WithMany().HasForeignKey(p => p.OwnerRoleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Commitments).WithMany(c => c.KeptBy).UsingEntity("ProcessCommitments");
        builder.HasMany(p => p.Tools).WithMany(t => t.Processes).UsingEntity("ProcessTools");
        builder.HasMany(p => p.Features).WithMany(f => f.CoreProcesses).UsingEntity("ProcessFeatures");
    }
}

internal sealed class EssentialToolConfiguration : IEntityTypeConfiguration<EssentialTool>
{
    public void Configure(EntityTypeBuilder<EssentialTool> builder)
    {
        builder.ConfigureBase();
        builder.Property(t => t.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(t => t.Category).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.ConfigureBase();
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(k => k.Unit).HasMaxLength(TextLimits.Unit);
        builder.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Cadence).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(k => k.OwnerRole).WithMany().HasForeignKey(k => k.OwnerRoleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(k => k.Measurements).WithOne(m => m.Kpi).HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(k => k.Reviews).WithOne(r => r.Kpi).HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(TextLimits.Line);
        builder.HasIndex(m => new { m.KpiId, m.MeasuredOn });
    }
}

internal sealed class KpiReviewConfiguration : IEntityTypeConfiguration<KpiReview>
{
    public void Configure(EntityTypeBuilder<KpiReview> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(TextLimits.Text);
        builder.HasIndex(r => new { r.KpiId, r.HeldOn });
    }
}

internal sealed class WorkshopSessionConfiguration : IEntityTypeConfiguration<Workshops.WorkshopSession>
{
    public void Configure(EntityTypeBuilder<Workshops.WorkshopSession> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.FacilitatorName).HasMaxLength(TextLimits.Name);
        builder.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Rounds).WithOne(r => r.Session).HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PlanId, s.EndedAt });

        // One running workshop per plan, however many facilitators press "Start" at once. Column quoted so the
        // filter is the same SQL on SQLite and PostgreSQL.
        builder.HasIndex(s => s.PlanId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_WorkshopSession_PlanId_Running");
    }
}

internal sealed class VoteRoundConfiguration : IEntityTypeConfiguration<Workshops.VoteRound>
{
    public void Configure(EntityTypeBuilder<Workshops.VoteRound> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.ItemKind).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Votes).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Workshops.Vote>
{
    public void Configure(EntityTypeBuilder<Workshops.Vote> builder)
    {
        builder.Property(v => v.UserName).HasMaxLength(TextLimits.Name);
        builder.HasIndex(v => new { v.RoundId, v.UserId, v.ItemId }).IsUnique();
    }
}

internal sealed class VoteBallotConfiguration : IEntityTypeConfiguration<Workshops.VoteBallot>
{
    public void Configure(EntityTypeBuilder<Workshops.VoteBallot> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_VoteBallot_DotsWithinBudget", "\"DotsUsed\" >= 0 AND \"DotsUsed\" <= \"DotsAllowed\""));
        builder.HasOne<Workshops.VoteRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.RoundId, b.UserId }).IsUnique();
    }
}

internal sealed class VoteRoundItemConfiguration : IEntityTypeConfiguration<Workshops.VoteRoundItem>
{
    public void Configure(EntityTypeBuilder<Workshops.VoteRoundItem> builder) =>
        builder.Property(i => i.Label).HasMaxLength(TextLimits.Line);
}
