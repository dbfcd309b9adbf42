using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Problems;

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
        // The join columns are named explicitly: the inverse navigations (evidence on problems and features) must not
        // rename them.
        builder.HasMany(f => f.Problems).WithMany(p => p.Feedback).UsingEntity("FeedbackProblems",
            r => r.HasOne(typeof(Problem)).WithMany().HasForeignKey("ProblemsId"),
            l => l.HasOne(typeof(FeedbackItem)).WithMany().HasForeignKey("FeedbackItemId"));
        builder.HasMany(f => f.Features).WithMany(f => f.Feedback).UsingEntity("FeedbackFeatures",
            r => r.HasOne(typeof(Feature)).WithMany().HasForeignKey("FeaturesId"),
            l => l.HasOne(typeof(FeedbackItem)).WithMany().HasForeignKey("FeedbackItemId"));
    }
}
