using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The stakeholder page at /s/{token}, as a browser without an account sees it.</summary>
public sealed class SharePageHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    [Fact]
    public async Task SharedPage_ActiveLink_AnswersWithoutSignInAndShowsOnlyTheChosenSections()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap);

        var response = await AnonymousClient().GetAsync(new Uri($"/s/{token}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(DemoPlanSeeder.DemoPlanName);
        html.ShouldContain("Read-only view");
        html.ShouldContain("Last updated");
        html.ShouldContain("data-testid=\"shared-roadmap\"");
        html.ShouldContain("Pilot");
        html.ShouldContain("Tool catalogue with search");
        html.ShouldNotContain("data-testid=\"shared-personas\"");
        html.ShouldNotContain("data-testid=\"shared-features\"");
        html.ShouldNotContain("data-testid=\"shared-operations\"");
        html.ShouldNotContain("Lena the lender");
        html.ShouldNotContain("Support response time");
    }

    [Fact]
    public async Task SharedPage_NowNextLaterAndOutcomes_ShowsExactlyThoseSections()
    {
        var token = await CreateLinkAsync(ShareScope.NowNextLater | ShareScope.Outcomes);

        var html = await AnonymousClient().GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));

        html.ShouldContain("data-testid=\"shared-now-next-later\"");
        html.ShouldContain("data-testid=\"shared-horizon-now\"");
        html.ShouldContain("data-testid=\"shared-horizon-next\"");
        html.ShouldContain("data-testid=\"shared-horizon-later\"");
        html.ShouldContain("Tool catalogue with search");
        html.ShouldContain("data-testid=\"shared-outcomes\"");
        html.ShouldContain("Residents borrow instead of buying");
        html.ShouldContain("Loans per month");
        html.ShouldContain("60 by month 3");
        html.ShouldNotContain("data-testid=\"shared-roadmap\"");
        html.ShouldNotContain("data-testid=\"shared-personas\"");
        html.ShouldNotContain("data-testid=\"shared-features\"");
        html.ShouldNotContain("data-testid=\"shared-operations\"");
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public async Task SharedPage_EachSection_SaysHowMuchOfItChangedInTheLast7Days()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap | ShareScope.Outcomes);

        var html = await AnonymousClient().GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));

        // The demo plan was just made, so its roadmap changed this week; its outcomes were made with it too.
        var notes = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"shared-changed\">\\s*([^<]*?)\\s*</p>").Select(m => m.Groups[1].Value).ToList();
        notes.Count.ShouldBe(2);
        notes.ShouldAllBe(n => n.StartsWith("Changed in the last 7 days: ", StringComparison.Ordinal) || n == "No changes in the last 7 days");
        notes[0].ShouldStartWith("Changed in the last 7 days: ");
    }

    [Fact]
    public async Task SharedPage_RoadmapOnly_LeavesNowNextLaterAndOutcomesOut()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap);

        var html = await AnonymousClient().GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));

        html.ShouldNotContain("data-testid=\"shared-now-next-later\"");
        html.ShouldNotContain("data-testid=\"shared-outcomes\"");
        html.ShouldNotContain("Residents borrow instead of buying");
    }

    [Fact]
    public async Task SharedPage_AllSections_HasNoFormsScriptsOrEmails()
    {
        var token = await CreateLinkAsync(ShareScope.All);

        var response = await AnonymousClient().GetAsync(new Uri($"/s/{token}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Lena the lender");
        html.ShouldContain("Support response time");
        html.ShouldContain("data-testid=\"shared-features\"");
        html.ShouldContain("data-testid=\"shared-now-next-later\"");
        html.ShouldContain("data-testid=\"shared-outcomes\"");
        html.ShouldNotContain("<form", Case.Insensitive);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("blazor.web.js");
        html.ShouldNotContain("MudBlazor");
        html.ShouldNotContain("@");
        html.ShouldNotContain(PlannerWebApplicationFactory.FirstAccountEmail);
        html.ShouldContain("<meta name=\"robots\" content=\"noindex\"");
        html.ShouldContain("shared-plan.css");
    }

    [Fact]
    public async Task SharedPage_Headers_KeepItOutOfSearchAndReferrersAndAlwaysRevalidate()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap);

        var response = await AnonymousClient().GetAsync(new Uri($"/s/{token}", UriKind.Relative));

        response.Headers.GetValues("X-Robots-Tag").Single().ShouldBe("noindex, nofollow");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.NoCache.ShouldBeTrue();
        response.Headers.ETag.ShouldNotBeNull();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("style-src 'self'");
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    public async Task SharedPage_RevokedOrExpired_AnswersExactlyAsAnUnknownLink(string kind)
    {
        var token = await CreateLinkAsync(ShareScope.All, revoked: kind == "revoked", expired: kind == "expired");
        var client = AnonymousClient();

        var refused = await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri($"/s/{Tokens.Create()}", UriKind.Relative));

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldBe(await unknown.Content.ReadAsStringAsync());
        body.ShouldContain("This link is not valid");
        body.ShouldNotContain(DemoPlanSeeder.DemoPlanName);
        refused.Headers.ETag.ShouldBeNull();
        refused.Headers.GetValues("X-Robots-Tag").Single().ShouldBe("noindex, nofollow");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task SharedPage_WriteMethod_Answers405AndChangesNothing(string method)
    {
        var token = await CreateLinkAsync(ShareScope.All);
        var before = await LinkSnapshotAsync(token);

        var response = await AnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/s/{token}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Label"] = "changed" }),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await LinkSnapshotAsync(token)).ShouldBe(before);
        (await AnonymousClient().GetAsync(new Uri($"/s/{token}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SharedPage_IfNoneMatchCurrentETag_Answers304UntilThePlanChanges()
    {
        var token = await CreateLinkAsync(ShareScope.Features);
        var client = AnonymousClient();
        var first = await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative));
        var etag = first.Headers.ETag.ShouldNotBeNull();

        var unchanged = await GetWithETagAsync(client, token, etag);
        await RenameAFeatureAsync();
        var changed = await GetWithETagAsync(client, token, etag);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await unchanged.Content.ReadAsStringAsync()).ShouldBeEmpty();
        unchanged.Headers.ETag.ShouldBe(etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBe(etag);
        (await changed.Content.ReadAsStringAsync()).ShouldContain("renamed for the ETag test");
    }

    [Fact]
    public async Task SharedPage_PlanChangesAfterAReader_TheNextReaderSeesTheChange()
    {
        var token = await CreateLinkAsync(ShareScope.Features);
        var client = AnonymousClient();
        var first = await client.GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));
        var again = await client.GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));

        await RenameAFeatureAsync();
        var afterChange = await client.GetStringAsync(new Uri($"/s/{token}", UriKind.Relative));

        again.ShouldBe(first);
        afterChange.ShouldNotBe(first);
        afterChange.ShouldContain("renamed for the ETag test");
    }

    [Fact]
    public async Task SharedPage_TwoLinksOfOnePlan_EachOnlyEverShowsItsOwnScope()
    {
        var roadmapOnly = await CreateLinkAsync(ShareScope.Roadmap);
        var personasOnly = await CreateLinkAsync(ShareScope.PersonasAndProblems);
        var client = AnonymousClient();

        for (var round = 0; round < 2; round++)
        {
            var roadmap = await client.GetStringAsync(new Uri($"/s/{roadmapOnly}", UriKind.Relative));
            var personas = await client.GetStringAsync(new Uri($"/s/{personasOnly}", UriKind.Relative));

            roadmap.ShouldContain("data-testid=\"shared-roadmap\"");
            roadmap.ShouldNotContain("data-testid=\"shared-personas\"");
            roadmap.ShouldNotContain("Lena the lender");
            personas.ShouldContain("data-testid=\"shared-personas\"");
            personas.ShouldContain("Lena the lender");
            personas.ShouldNotContain("data-testid=\"shared-roadmap\"");
        }
    }

    [Fact]
    public async Task SharedPage_RevokedAfterItWasServed_AnswersNotValidAtOnce()
    {
        var token = await CreateLinkAsync(ShareScope.All);
        var client = AnonymousClient();
        (await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var hash = Tokens.Hash(token);
        await WithDbAsync(async db =>
        {
            var link = await db.ShareLinks.SingleAsync(l => l.TokenHash == hash);
            link.RevokedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var afterRevoke = await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative));

        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await afterRevoke.Content.ReadAsStringAsync()).ShouldContain("This link is not valid");
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=1.0, br;q=0", "gzip")]
    [InlineData("identity", null)]
    public async Task SharedPage_ClientAcceptsCompression_SendsTheSamePageCompressed(string acceptEncoding, string? expectedEncoding)
    {
        var token = await CreateLinkAsync(ShareScope.All);
        var client = AnonymousClient();
        var plain = await client.GetByteArrayAsync(new Uri($"/s/{token}", UriKind.Relative));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        var body = await response.Content.ReadAsByteArrayAsync();
        if (expectedEncoding is null)
        {
            response.Content.Headers.ContentEncoding.ShouldBeEmpty();
            body.ShouldBe(plain);
            return;
        }

        response.Content.Headers.ContentEncoding.ShouldBe([expectedEncoding]);
        body.Length.ShouldBeLessThan(plain.Length / 3);
        await using var decoded = expectedEncoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var result = new MemoryStream();
        await decoded.CopyToAsync(result);
        result.ToArray().ShouldBe(plain);
    }

    [Fact]
    public async Task SharedPage_PastTheRateLimit_Answers429WithPlainMessage()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap);
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Planner:ShareRateLimitPerMinute", "3"));
        var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative))).StatusCode);
        }

        var refused = await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative));
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Wait a minute");
    }

    [Fact]
    public async Task SharedPage_OpenedAndRevalidated_CountsEveryViewOnceFlushed()
    {
        var token = await CreateLinkAsync(ShareScope.Roadmap);
        var client = AnonymousClient();
        var first = await client.GetAsync(new Uri($"/s/{token}", UriKind.Relative));
        await GetWithETagAsync(client, token, first.Headers.ETag!);

        await factory.QueryAsync(async (ShareViewCounter counter) =>
        {
            await counter.FlushAsync();
            return 0;
        });

        var (views, lastOpened) = await WithDbAsync(async db =>
        {
            var hash = Tokens.Hash(token);
            var link = await db.ShareLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash);
            return (link.ViewCount, link.LastOpenedAt);
        });
        views.ShouldBe(2);
        lastOpened.ShouldNotBeNull();
    }

    [Fact]
    public async Task RobotsTxt_AnonymousGet_DisallowsSharedPages()
    {
        var response = await AnonymousClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Disallow: /s/");
    }

    [Fact]
    public async Task SharedStylesheet_AnonymousGet_IsServed()
    {
        var response = await AnonymousClient().GetAsync(new Uri("/shared-plan.css", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("size: A4 landscape");
    }

    private HttpClient AnonymousClient() =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> GetWithETagAsync(HttpClient client, string token, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }

    /// <summary>A link to the demo plan, stored as the service stores one: only the token's hash.</summary>
    private async Task<string> CreateLinkAsync(ShareScope scope, bool revoked = false, bool expired = false)
    {
        var planId = await factory.DemoPlanIdAsync();
        var token = Tokens.Create();
        await WithDbAsync(async db =>
        {
            db.ShareLinks.Add(new ShareLink
            {
                PlanId = planId,
                Label = "Investors",
                Scope = scope,
                TokenHash = Tokens.Hash(token),
                RevokedAt = revoked ? DateTime.UtcNow.AddMinutes(-5) : null,
                ExpiresAt = expired ? DateTime.UtcNow.AddMinutes(-1) : null,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        return token;
    }

    private Task<string> LinkSnapshotAsync(string token) => WithDbAsync(async db =>
    {
        var hash = Tokens.Hash(token);
        var link = await db.ShareLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash);
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == link.PlanId);
        return $"{link.Label} {link.Scope} {link.RevokedAt} {link.ViewCount} {link.Version} plan v{plan.Version}";
    });

    private Task<int> RenameAFeatureAsync() => WithDbAsync(async db =>
    {
        // Another test of this class looks for the catalogue, so this one changes the ratings feature.
        var feature = await db.Features.SingleAsync(f => f.Title.StartsWith("Ratings after each loan"));
        feature.Title = $"Ratings after each loan, renamed for the ETag test {Guid.NewGuid():N}";
        return await db.SaveChangesAsync();
    });

    private Task<T> WithDbAsync<T>(Func<PlannerDbContext, Task<T>> work) =>
        factory.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await work(db);
        });
}
