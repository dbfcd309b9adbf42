using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Data;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.ItemType).HasMaxLength(20);
        builder.Property(a => a.ItemName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.ItemKind).HasMaxLength(40);
        builder.HasIndex(a => new { a.PlanId, a.At });
        builder.HasIndex(a => new { a.ItemKind, a.ItemId });
        builder.HasIndex(a => a.ChangeSetId);
    }
}

internal sealed class TrashedItemConfiguration : IEntityTypeConfiguration<TrashedItem>
{
    public void Configure(EntityTypeBuilder<TrashedItem> builder)
    {
        builder.Property(t => t.ItemKind).HasMaxLength(40).IsRequired();
        builder.Property(t => t.ItemType).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(TextLimits.Name);
        builder.Property(t => t.DeletedByName).HasMaxLength(TextLimits.Name);
        builder.Property(t => t.Includes).HasMaxLength(TextLimits.Line);
        // One trash entry per item: of two people restoring it at once, one deletes this row and the other is told it is back.
        builder.HasIndex(t => new { t.ItemKind, t.ItemId }).IsUnique();
        builder.HasIndex(t => new { t.PlanId, t.DeletedAt });
        builder.HasIndex(t => t.ChangeSetId);
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
