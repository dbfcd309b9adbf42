using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>plan.md, roadmap.svg and roadmap.png over HTTP: what they are sent as, and who gets them.</summary>
public sealed class ReadableExportsHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    public static TheoryData<string> Urls => ["plan.md", "roadmap.svg", "roadmap.png"];

    [Fact]
    public async Task PlanMd_Owner_GetsUtf8MarkdownAttachmentOfTheDemoPlan()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(await UrlAsync("plan.md"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/markdown; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe(FileNames.For(DemoPlanSeeder.DemoPlanName, "md"));
        var markdown = await response.Content.ReadAsStringAsync();
        markdown.ShouldStartWith("# " + DemoPlanSeeder.DemoPlanName);
        markdown.ShouldContain("## Prioritised backlog");
        markdown.ShouldContain("## Readiness");
        markdown.ShouldContain("Score: ");
    }

    [Fact]
    public async Task RoadmapSvg_Owner_GetsSvgThatMayNotRunOrFetchAnything()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(await UrlAsync("roadmap.svg"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; style-src 'unsafe-inline'");
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        svg.Root!.Name.LocalName.ShouldBe("svg");
        svg.Descendants().Select(e => e.Value).ShouldContain(v => v.Contains("Pilot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoadmapPng_Owner_GetsAPng()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(await UrlAsync("roadmap.png"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_Viewer_IsAllowed(string file)
    {
        var url = await UrlAsync(file);
        var viewer = await MemberAsync("vera@example.com", WorkspaceRole.Viewer);

        var response = await viewer.Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_Outsider_IsNotFoundAndLearnsNothing(string file)
    {
        var url = await UrlAsync(file);
        var outsider = await MemberAsync("otto@example.com", role: null);

        var (status, body) = await outsider.GetAsync(url.ToString());

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldNotContain("Neighbourhood tool library");
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_UnknownPlan_IsNotFound(string file)
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri($"/plans/999999/export/{file}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Export_NotSignedIn_RedirectsToSignIn(string file)
    {
        var url = await UrlAsync(file);

        var response = await BrowserLikeClient.Create(factory).Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task PrintPage_FeatureTitleWithMarkup_IsShownAsTextForAViewerAndHiddenFromAnOutsider()
    {
        var planId = await factory.DemoPlanIdAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            db.Features.Add(new Core.Features.Feature { PlanId = planId, Title = "<script>alert('print')</script> | pipes", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var (status, html) = await (await MemberAsync("vic@example.com", WorkspaceRole.Viewer)).GetAsync($"/plans/{planId}/print");
        var (outsiderStatus, outsiderHtml) = await (await MemberAsync("olga@example.com", role: null)).GetAsync($"/plans/{planId}/print");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("&lt;script&gt;alert(&#x27;print&#x27;)&lt;/script&gt; | pipes");
        html.ShouldNotContain("<script>alert(");
        html.ShouldContain("data-testid=\"print-roadmap\"");
        outsiderStatus.ShouldBe(HttpStatusCode.NotFound);
        outsiderHtml.ShouldNotContain("alert(");
    }

    private async Task<Uri> UrlAsync(string file) => new($"/plans/{await factory.DemoPlanIdAsync()}/export/{file}", UriKind.Relative);

    /// <summary>A signed-in account that is a member of the demo plan's workspace in <paramref name="role"/>, or of no
    /// workspace but its own when role is null. Registered once per email; later calls sign in again.</summary>
    private async Task<BrowserLikeClient> MemberAsync(string email, WorkspaceRole? role)
    {
        var planId = await factory.DemoPlanIdAsync();
        var client = BrowserLikeClient.Create(factory);
        var registered = await client.RegisterAsync(email.Split('@')[0], email);
        if (registered.StatusCode != HttpStatusCode.Redirect)
        {
            (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        if (role is { } wanted)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var workspaceId = await db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).SingleAsync();
            if (!await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId))
            {
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = wanted, JoinedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
        }

        return client;
    }
}
