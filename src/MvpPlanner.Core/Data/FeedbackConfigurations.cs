using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;

namespace MvpPlanner.Core.Data;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ConfigureBase();
        builder.Property(f => f.Text).HasMaxLength(TextLimits.Text).IsRequired();
        builder.Property(f => f.Organisation).HasMaxLength(TextLimits.Name);
        builder.Property(f => f.GivenBy).HasMaxLength(TextLimits.Name);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Importance).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(f => f.Plan).WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Persona).WithMany().HasForeignKey(f => f.PersonaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.PlanId, f.State });

        // Deleting a problem or feature unlinks its feedback; the quotes themselves stay.
        builder.HasMany(f => f.Problems).WithMany().UsingEntity("FeedbackProblems");
        builder.HasMany(f => f.Features).WithMany().UsingEntity("FeedbackFeatures");
    }
}
