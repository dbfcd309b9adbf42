using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Reviews;

namespace MvpPlanner.Core.Data;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ConfigureBase();
        builder.Property(f => f.Label).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.PlanId);
        builder.HasOne(f => f.Plan).WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanVisitConfiguration : IEntityTypeConfiguration<PlanVisit>
{
    public void Configure(EntityTypeBuilder<PlanVisit> builder)
    {
        // One row per person and plan: the visit upsert relies on it (ON CONFLICT).
        builder.HasIndex(v => new { v.UserId, v.PlanId }).IsUnique();
        builder.HasIndex(v => v.PlanId);
        builder.HasOne<PlannerUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
