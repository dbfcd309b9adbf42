using MvpPlanner.Core.Features;
using MvpPlanner.Web.Features.Backlog;

namespace MvpPlanner.Web.Tests.Features.Backlog;

public class FeatureRowRefreshTests
{
    [Fact]
    public void Merge_RowAlreadyShown_KeepsTheObjectAndTakesTheNewValues()
    {
        var shown = new FeatureRow { Id = 1, Title = "Old", Reach = 10, Version = 1 };
        var fresh = new FeatureRow { Id = 1, Title = "New", Reach = 20, Version = 2 };
        var added = new FeatureRow { Id = 3, Title = "Added" };

        var merged = FeatureRowRefresh.Merge([shown, new FeatureRow { Id = 2, Title = "Dark theme" }], [fresh, added]);

        merged.Count.ShouldBe(2);
        merged[0].ShouldBeSameAs(shown);
        (shown.Title, shown.Reach, shown.Version).ShouldBe(("New", 20, 2));
        merged[1].ShouldBeSameAs(added);
    }
}
