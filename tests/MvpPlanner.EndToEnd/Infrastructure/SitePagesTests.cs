namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>No page escapes the page-wide checks: adding a page without listing it in <see cref="SitePages"/> fails here.</summary>
public sealed class SitePagesTests
{
    [Fact]
    public void EveryRoutablePage_IsOpenedByThePageWideChecks()
    {
        var covered = SitePages.CoveredTemplates().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = SitePages.RouteTemplates().Where(t => !covered.Contains(t)).Order(StringComparer.Ordinal).ToList();

        missing.ShouldBeEmpty("List these pages in SitePages so axe-core and the width checks open them.");
    }
}
