using MvpPlanner.Core.Reviews;
using MvpPlanner.Web.Features.Sharing;

namespace MvpPlanner.Web.Features.Reviews;

/// <summary>The calendar feed at <c>/calendar/{token}.ics</c>: anonymous, no circuit, rate limited like share links. The
/// request log shows the path without its token (see <c>HostingExtensions.LogSafePath</c>), and nothing here logs it.</summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], FeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(ShareEndpoints.RateLimitPolicy);
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(string token, HttpContext context, CalendarFeedService feeds, TimeProvider clock,
        ILogger<CalendarFeedService> logger, CancellationToken ct)
    {
        var response = context.Response;
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "private, no-cache";
        CalendarFeedContent? content;
        try
        {
            content = await feeds.OpenAsync(token, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogDebug("A calendar feed request ended before it was answered");
            return TypedResults.Empty;
        }

        if (content is null)
        {
            return TypedResults.Text("This calendar feed is not valid. It may have been revoked; ask the plan's team for a new address.",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.ContentDisposition = "inline; filename=\"reviews.ics\"";
        return TypedResults.Text(CalendarFeedDocument.Write(content, clock.GetUtcNow().UtcDateTime), "text/calendar; charset=utf-8");
    }
}
