using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The calendar feed at /calendar/{token}.ics, as a calendar app fetches it.</summary>
public sealed class CalendarFeedHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    private const string MilestoneName = "Über-Launch 🚀, Phase; \"2\"";

    [Fact]
    public async Task CalendarFeed_ActiveToken_IsAValidICalendarWithKpiOutcomeAndMilestoneEvents()
    {
        var token = await CreateFeedAsync(factory);

        var response = await AnonymousClient().GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var calendar = MiniICalendar.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        calendar.Name.ShouldBe("VCALENDAR");
        calendar.Value("VERSION").ShouldBe("2.0");
        calendar.Value("PRODID").ShouldNotBeNullOrWhiteSpace();
        calendar.Value("CALSCALE").ShouldBe("GREGORIAN");
        calendar.Value("X-WR-CALNAME").ShouldBe(DemoPlanSeeder.DemoPlanName);
        calendar.Children.ShouldAllBe(e => e.Name == "VEVENT");
        foreach (var e in calendar.Children)
        {
            e.Value("UID").ShouldNotBeNullOrWhiteSpace();
            e.Value("DTSTAMP").ShouldNotBeNull().ShouldMatch(@"^\d{8}T\d{6}Z$");
            e.Property("DTSTART").ShouldBe(("VALUE=DATE", e.Property("DTSTART").Value));
            e.Property("DTSTART").Value.ShouldMatch(@"^\d{8}$");
        }

        calendar.Children.Select(e => e.Value("UID")).ShouldBeUnique();
        var kpi = calendar.Children.Single(e => e.Value("SUMMARY") == "KPI review: Support response time");
        kpi.Value("RRULE").ShouldBe("FREQ=WEEKLY");
        kpi.Value("DESCRIPTION").ShouldNotBeNull().ShouldContain("Target: 24 hours (lower is better)");
        var outcomes = calendar.Children.Where(e => e.Value("SUMMARY")!.StartsWith("Outcome review: ", StringComparison.Ordinal)).ToList();
        outcomes.ShouldNotBeEmpty();
        outcomes.ShouldAllBe(e => e.Value("DTSTART") == "20270331");
        var milestone = calendar.Children.Single(e => e.Value("SUMMARY") == MilestoneName);
        milestone.Value("DESCRIPTION").ShouldBe($"Launch milestone of {DemoPlanSeeder.DemoPlanName}\nLine one, with a comma\nLine two; ✓");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CalendarFeed_RevokedOrUnknownToken_IsNotFound(bool revoked)
    {
        var token = revoked ? await CreateFeedAsync(factory, revoked: true) : Tokens.Create();

        var response = await AnonymousClient().GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("BEGIN:VCALENDAR");
    }

    [Fact]
    public async Task RequestLog_CalendarFeedFetched_LogsThePathWithoutItsToken()
    {
        var sink = new RecordingSink();
        await using var logged = new PlannerWebApplicationFactory { MinimumLogLevel = "Information" };
        var client = logged
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await CreateFeedAsync(logged);
        var unknown = Tokens.Create();

        (await client.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri($"/calendar/{unknown}.ics", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        sink.Events.Select(e => e.RenderMessage()).ShouldContain(m => m.Contains("/calendar/{token}"));
        var everything = string.Join('\n', sink.Events.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values)));
        everything.ShouldNotContain(token);
        everything.ShouldNotContain(unknown);
    }

    private HttpClient AnonymousClient() =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A feed of the demo plan, stored as the service stores one (only the token's hash), with a milestone whose
    /// name and notes need escaping and folding, and an outcome with a target date.</summary>
    private static async Task<string> CreateFeedAsync(PlannerWebApplicationFactory app, bool revoked = false)
    {
        var planId = await app.DemoPlanIdAsync();
        var token = Tokens.Create();
        await app.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.CalendarFeeds.Add(new CalendarFeed { PlanId = planId, Label = "Team", TokenHash = Tokens.Hash(token), RevokedAt = revoked ? DateTime.UtcNow : null });
            if (!await db.Milestones.AnyAsync(m => m.PlanId == planId && m.Name == MilestoneName))
            {
                db.Milestones.Add(new Milestone
                {
                    PlanId = planId, Name = MilestoneName, Date = new DateOnly(2027, 2, 1), Kind = MilestoneKind.Launch,
                    Notes = "Line one, with a comma\r\nLine two; ✓",
                });
                await db.TargetOutcomes.Where(o => o.PlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(o => o.TargetDate, new DateOnly(2027, 3, 31)));
            }

            return await db.SaveChangesAsync();
        });
        return token;
    }

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
