using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Data;

internal sealed class GateConditionConfiguration : IEntityTypeConfiguration<GateCondition>
{
    public void Configure(EntityTypeBuilder<GateCondition> builder)
    {
        builder.ConfigureBase();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RoleName).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.SignedOffByName).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.SignOffNote).HasMaxLength(TextLimits.Line);
        builder.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Phase).WithMany().HasForeignKey(c => c.PhaseId).OnDelete(DeleteBehavior.Cascade);

        // Deleting an outcome leaves the condition in place, pointing nowhere: the gate says "outcome deleted" and is
        // not met, with no read-check-write race against the deletion.
        builder.HasOne(c => c.Outcome).WithMany().HasForeignKey(c => c.OutcomeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PlanId, c.PhaseId });
    }
}

internal sealed class PhaseDecisionConfiguration : IEntityTypeConfiguration<PhaseDecision>
{
    public void Configure(EntityTypeBuilder<PhaseDecision> builder)
    {
        builder.ConfigureBase();
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.PhaseName).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.Reasons).HasMaxLength(TextLimits.Text);
        builder.Property(d => d.DecidedBy).HasMaxLength(TextLimits.Line);
        builder.HasOne(d => d.Plan).WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Phase).WithMany().HasForeignKey(d => d.PhaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.PlanId, d.DecidedOn });

        // Deleting an outcome or a feedback item removes it from the evidence; the decision stays.
        builder.HasMany(d => d.Outcomes).WithMany().UsingEntity("PhaseDecisionOutcomes");
        builder.HasMany(d => d.FeedbackItems).WithMany().UsingEntity("PhaseDecisionFeedback");
    }
}
