using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Features.Sharing;
using MvpPlanner.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The public feedback form at /f/{token}, as a browser (or a bot) without an account uses it.</summary>
public sealed partial class FeedbackFormHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    [Fact]
    public async Task FeedbackForm_Open_ShowsThePlanALabelledFormAndAHiddenTrapWithoutScripts()
    {
        var token = await CreateLinkAsync();

        var response = await Client().GetAsync(new Uri($"/f/{token}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(DemoPlanSeeder.DemoPlanName);
        html.ShouldContain("<main");
        html.ShouldContain("<label for=\"feedback-text\">Your feedback</label>");
        html.ShouldContain("<textarea id=\"feedback-text\" name=\"text\"");
        html.ShouldContain("<label for=\"feedback-name\">");
        html.ShouldContain("<label for=\"feedback-organisation\">");
        html.ShouldContain("name=\"__RequestVerificationToken\"");
        html.ShouldMatch("<div class=\"feedback-trap\" aria-hidden=\"true\">");
        html.ShouldContain("name=\"website\" tabindex=\"-1\" autocomplete=\"off\"");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("Office hours"); // the label is for the team only
        response.Headers.GetValues("X-Robots-Tag").Single().ShouldBe("noindex, nofollow");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("form-action 'self'");
    }

    [Fact]
    public async Task FeedbackForm_ValidSend_RedirectsToThanksAndWritesOneNewItem()
    {
        var token = await CreateLinkAsync();
        var client = Client();
        var before = await CountAsync();

        var response = await SendAsync(client, token, new() { ["text"] = "The opening hours\r\nare too short.", ["name"] = "Noor", ["organisation"] = "Tenants" });

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe($"/f/{token}/thanks");
        var thanks = await client.GetStringAsync(response.Headers.Location);
        thanks.ShouldContain("Thank you");
        (await CountAsync()).ShouldBe(before + 1);
        var item = await LatestAsync();
        item.Text.ShouldBe("The opening hours\nare too short.");
        item.GivenBy.ShouldBe("Noor");
        item.Organisation.ShouldBe("Tenants");
        item.State.ShouldBe(FeedbackState.New);
        item.Source.ShouldBe(FeedbackSource.FeedbackForm);
        (await LinkAsync(token)).SubmissionCount.ShouldBe(1);
    }

    [Fact]
    public async Task FeedbackForm_TextOverTheLimit_SaysSoBesideTheFieldKeepsTheTextAndWritesNothing()
    {
        var token = await CreateLinkAsync();
        var before = await CountAsync();
        var text = "Long story. " + new string('x', TextLimits.Text);

        var response = await SendAsync(Client(), token, new() { ["text"] = text });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"feedback-text-error\"");
        html.ShouldContain("Keep this to 4,000 characters or fewer");
        html.ShouldContain(text);
        html.ShouldContain("aria-invalid=\"true\"");
        (await CountAsync()).ShouldBe(before);
        (await LinkAsync(token)).SubmissionCount.ShouldBe(0);
    }

    [Fact]
    public async Task FeedbackForm_BodyOverTheRequestLimit_IsRefusedWith413AndWritesNothing()
    {
        var token = await CreateLinkAsync();
        var before = await CountAsync();

        var response = await SendAsync(Client(), token, new() { ["text"] = new string('y', 100_000) });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("too long to send");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task FeedbackForm_ScriptInTheText_IsStoredAsTextAndNeverRenderedAsMarkup()
    {
        var token = await CreateLinkAsync();
        const string script = "<script>alert('hi')</script><img src=x onerror=alert(1)>";

        var refused = await SendAsync(Client(), token, new() { ["text"] = script, ["name"] = new string('n', TextLimits.Name + 1) });
        var sent = await SendAsync(Client(), token, new() { ["text"] = script, ["organisation"] = "<b>Bold</b>" });

        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert", Case.Insensitive);
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;");
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var item = await LatestAsync();
        item.Text.ShouldBe(script);
        item.Organisation.ShouldBe("<b>Bold</b>");
    }

    [Fact]
    public async Task FeedbackForm_HoneypotFilled_LooksLikeSuccessButWritesNothing()
    {
        var token = await CreateLinkAsync();
        var before = await CountAsync();

        var response = await SendAsync(Client(), token, new() { ["text"] = "Buy cheap watches", ["website"] = "http://spam.example" });

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe($"/f/{token}/thanks");
        (await CountAsync()).ShouldBe(before);
        (await LinkAsync(token)).SubmissionCount.ShouldBe(0);
    }

    [Fact]
    public async Task FeedbackForm_PastTheRateLimit_Answers429WithAFriendlyPageAndWritesNothing()
    {
        var token = await CreateLinkAsync();
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Planner:FeedbackRateLimitPerHour", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var before = await CountAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendAsync(client, token, new() { ["text"] = $"Send {i}" })).StatusCode);
        }

        var refused = await SendAsync(client, token, new() { ["text"] = "One more" });
        statuses.ShouldBe([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Please wait");
        html.ShouldContain("<main");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await CountAsync()).ShouldBe(before + 2);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    public async Task FeedbackForm_LinkNotValid_Answers404LikeAShareLinkAndWritesNothing(string kind)
    {
        var token = await CreateLinkAsync();
        var client = Client();
        var page = await client.GetStringAsync(new Uri($"/f/{token}", UriKind.Relative));
        await WithDbAsync(db => kind switch
        {
            "revoked" => db.FeedbackLinks.Where(l => l.TokenHash == Tokens.Hash(token)).ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, DateTime.UtcNow)),
            "expired" => db.FeedbackLinks.Where(l => l.TokenHash == Tokens.Hash(token)).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))),
            _ => Task.FromResult(0),
        });
        var target = kind == "unknown" ? Tokens.Create() : token;
        var before = await CountAsync();

        var posted = await client.PostAsync(new Uri($"/f/{target}", UriKind.Relative), Form(page, new() { ["text"] = "Too late?" }));
        var opened = await client.GetAsync(new Uri($"/f/{target}", UriKind.Relative));

        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        opened.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await posted.Content.ReadAsStringAsync();
        body.ShouldBe(ShareEndpoints.NotValidPage);
        body.ShouldNotContain(DemoPlanSeeder.DemoPlanName);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task FeedbackForm_WithoutAntiforgeryToken_IsRefusedKeepsTheTextAndWritesNothing()
    {
        var token = await CreateLinkAsync();
        var before = await CountAsync();

        var response = await Client().PostAsync(new Uri($"/f/{token}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Sent from another site" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("nothing was sent");
        html.ShouldContain("Sent from another site");
        (await CountAsync()).ShouldBe(before);
        (await LinkAsync(token)).SubmissionCount.ShouldBe(0);
    }

    [Fact]
    public async Task RequestLog_FeedbackFormOpenedAndSent_LogsThePathWithoutTheToken()
    {
        var sink = new RecordingSink();
        await using var logged = new PlannerWebApplicationFactory { MinimumLogLevel = "Information" };
        var host = logged.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Tokens.Create();

        await client.GetAsync(new Uri($"/f/{token}", UriKind.Relative));
        await client.PostAsync(new Uri($"/f/{token}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "hi" }));
        await client.GetAsync(new Uri($"/f/{token}/thanks", UriKind.Relative));

        sink.Events.Where(e => e.Properties.ContainsKey("RequestPath")).Select(e => e.RenderMessage()).ShouldContain(m => m.Contains("/f/{token}"));
        string.Join('\n', sink.Events.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values))).ShouldNotContain(token);
    }

    private HttpClient Client() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the form as a browser does (which sets the antiforgery cookie), then sends it with <paramref name="fields"/>.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri($"/f/{token}", UriKind.Relative));
        return await client.PostAsync(new Uri($"/f/{token}", UriKind.Relative), Form(page, fields));
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        var antiforgery = AntiforgeryToken().Match(page);
        antiforgery.Success.ShouldBeTrue("the form carries an antiforgery token");
        return new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
        });
    }

    /// <summary>A feedback link to the demo plan, stored as the service stores one: only the token's hash.</summary>
    private async Task<string> CreateLinkAsync()
    {
        var planId = await factory.DemoPlanIdAsync();
        var token = Tokens.Create();
        await WithDbAsync(db =>
        {
            db.FeedbackLinks.Add(new FeedbackLink { PlanId = planId, Label = "Office hours", TokenHash = Tokens.Hash(token) });
            return db.SaveChangesAsync();
        });
        return token;
    }

    private Task<int> CountAsync() => WithDbAsync(db => db.FeedbackItems.CountAsync());

    private Task<FeedbackItem> LatestAsync() => WithDbAsync(db => db.FeedbackItems.AsNoTracking().OrderByDescending(f => f.Id).FirstAsync());

    private Task<FeedbackLink> LinkAsync(string token) => WithDbAsync(db =>
    {
        var hash = Tokens.Hash(token);
        return db.FeedbackLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash);
    });

    private Task<T> WithDbAsync<T>(Func<PlannerDbContext, Task<T>> work) =>
        factory.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await work(db);
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
