using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Hosting;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>The stakeholder page at <c>/s/{token}</c>: anonymous, statically rendered, read-only, rate limited per
/// client address, and revalidated with an ETag. Every request costs one indexed read (the link with its plan's content
/// stamp); the page itself comes from <see cref="SharedPageCache"/>, rendered once per plan version.</summary>
public static class ShareEndpoints
{
    public const string RateLimitPolicy = "share-links";

    public const string NotValidPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta name="robots" content="noindex" />
            <title>Link not valid</title>
            <link rel="stylesheet" href="/shared-plan.css" />
        </head>
        <body>
            <main class="shared-plan not-valid">
                <h1>This link is not valid</h1>
                <p>It may have been mistyped, have expired, or have been withdrawn by the people who shared it.
                   Ask them for a new link.</p>
            </main>
        </body>
        </html>
        """;

    /// <summary>The view-count writer, and a rate limit: a fixed window per client address, from
    /// <c>Planner:ShareRateLimitPerMinute</c>; enough for people reading and reloading, too few for hammering the database.
    /// Counted by all instances together when Redis is configured (<see cref="IClientRateLimits"/>).</summary>
    public static WebApplicationBuilder AddMvpPlannerSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ShareViewFlusher>();
        builder.Services.AddSingleton<SharedPageCache>();
        builder.Services.TryAddSingleton<IClientRateLimits, InMemoryClientRateLimits>(); // shared through Redis by AddMvpPlannerScaleOut
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many requests for shared plans from your address. Wait a minute, then reload.", ct);
            };
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<PlannerOptions>>().Value.ShareRateLimitPerMinute;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return context.RequestServices.GetRequiredService<IClientRateLimits>()
                    .FixedWindow(RateLimitPolicy, client, Math.Max(1, limit), TimeSpan.FromMinutes(1));
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapShareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/s").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        group.MapMethods("/{token}", [HttpMethods.Get, HttpMethods.Head], OpenAsync);

        // Reading is all a shared link allows: any other method is refused before anything is looked up.
        group.MapMethods("/{token}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
        {
            SetHeaders(context.Response);
            context.Response.Headers.Allow = "GET, HEAD";
            return TypedResults.Text("A shared plan can only be read.", "text/plain", statusCode: StatusCodes.Status405MethodNotAllowed);
        }).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> OpenAsync(string token, HttpContext context, ShareLinkService sharing, SharedPageCache pages,
        ILogger<SharedPageCache> logger, CancellationToken ct)
    {
        var response = context.Response;
        SetHeaders(response);
        OpenedShareLink? link;
        try
        {
            link = await sharing.OpenAsync(token, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader closed the tab or the connection dropped: normal traffic, nothing went wrong.
            logger.LogDebug("A shared-page request ended before it was answered");
            return TypedResults.Empty;
        }

        if (link is null)
        {
            return TypedResults.Content(NotValidPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var etag = new EntityTagHeaderValue($"\"{link.VersionStamp}\"");
        response.Headers.ETag = etag.ToString();
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (Matches(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // Rendered at most once per plan version, whoever asks first; a reader who leaves does not cancel it for the others.
        var page = await pages.GetAsync(link, () => sharing.GetViewAsync(link, CancellationToken.None));
        if (page is null)
        {
            return TypedResults.Content(NotValidPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.LastModified = page.LastUpdatedAt.ToString("R", CultureInfo.InvariantCulture);
        var (body, encoding) = page.For(context.Request.Headers);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(body, "text/html; charset=utf-8");
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));

    /// <summary>Not for search engines, no referrer leaking the token to sites the page links to, and always revalidated
    /// (private: a shared proxy must not keep a copy of a link that may be revoked).</summary>
    private static void SetHeaders(HttpResponse response)
    {
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "private, no-cache";
    }
}
