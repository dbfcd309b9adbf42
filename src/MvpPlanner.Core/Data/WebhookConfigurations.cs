using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Data;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ConfigureBase();
        builder.Property(h => h.Url).HasMaxLength(WebhookAddressGuard.MaxUrlLength).IsRequired();
        builder.Property(h => h.Description).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(h => h.Events).HasMaxLength(TextLimits.Line).IsRequired();
        builder.Property(h => h.Secret).HasMaxLength(100).IsRequired();
        builder.Property(h => h.PausedReason).HasMaxLength(TextLimits.Name);
        builder.Ignore(h => h.EventList);
        builder.HasIndex(h => new { h.WorkspaceId, h.State });
        builder.HasOne(h => h.Workspace).WithMany().HasForeignKey(h => h.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.SourceKey).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(d => d.Event).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(TextLimits.Name);

        // One delivery per hook and cause, however many instances notice the cause: enqueuing is idempotent.
        builder.HasIndex(d => new { d.WebhookId, d.SourceKey }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne(d => d.Webhook).WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookCursorConfiguration : IEntityTypeConfiguration<WebhookCursor>
{
    public void Configure(EntityTypeBuilder<WebhookCursor> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new WebhookCursor { Id = WebhookCursor.SingleId, LastActivityId = 0 });
    }
}

internal sealed class WebhookFindingSetConfiguration : IEntityTypeConfiguration<WebhookFindingSet>
{
    public void Configure(EntityTypeBuilder<WebhookFindingSet> builder)
    {
        builder.HasKey(s => s.PlanId);
        builder.Property(s => s.PlanId).ValueGeneratedNever();
        builder.Property(s => s.Keys).IsRequired();
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
