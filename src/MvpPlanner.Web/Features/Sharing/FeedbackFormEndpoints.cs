using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Hosting;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>The public feedback form at <c>/f/{token}</c>: anonymous, statically rendered, a plain form with an
/// antiforgery token and a honeypot field, a request size limit, and a limit on sends per client address. A send that
/// works redirects to a thank-you page (Post/Redirect/Get), so reloading it sends nothing twice.</summary>
public static class FeedbackFormEndpoints
{
    public const string RateLimitPolicy = "feedback-form";

    /// <summary>Room for the longest text the fields allow, every character percent-encoded as 4-byte UTF-8, and the
    /// antiforgery token; anything larger is not someone typing.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    public static WebApplicationBuilder AddMvpPlannerFeedbackForm(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IClientRateLimits, InMemoryClientRateLimits>(); // shared through Redis by AddMvpPlannerScaleOut
        builder.Services.AddRateLimiter(options => options.AddPolicy<string, FeedbackRateLimitPolicy>(RateLimitPolicy));
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackFormEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/f").AllowAnonymous();
        group.MapGet("/{token}", ShowAsync).RequireRateLimiting(ShareEndpoints.RateLimitPolicy);
        group.MapGet("/{token}/thanks", (string token, HttpContext context) =>
            RenderAsync(context, new FeedbackFormModel(FeedbackPageKind.Thanks) { FormUrl = FormUrl(token) }))
            .RequireRateLimiting(ShareEndpoints.RateLimitPolicy);
        group.MapPost("/{token}", SubmitAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .DisableAntiforgery(); // validated in the handler, so a refusal can keep the visitor's text
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, FeedbackLinkService feedback, CancellationToken ct) =>
        await feedback.OpenAsync(token, ct) is { } form
            ? await RenderFormAsync(context, new FeedbackFormModel(FeedbackPageKind.Form, form.PlanName) { FormUrl = FormUrl(token) })
            : NotValid(context);

    private static async Task<IResult> SubmitAsync(string token, HttpContext context, FeedbackLinkService feedback, IAntiforgery antiforgery,
        ILogger<FeedbackFormModel> logger, CancellationToken ct)
    {
        var form = await ReadFormAsync(context, ct);
        if (form is null)
        {
            logger.LogInformation("Feedback form refused: the request was larger than {MaxRequestBytes} bytes", MaxRequestBytes);
            return await ShowRefusedAsync(context, feedback, token, new FeedbackFormInput(), StatusCodes.Status413PayloadTooLarge,
                $"Your message was too long to send. Keep it to {TextLimits.Text:N0} characters or fewer and send it again.", ct);
        }

        var input = new FeedbackFormInput
        {
            // Browsers send line breaks as two characters; the limit counts them as one, as the field's own counter does.
            Text = form[FeedbackFormModel.Text].ToString().ReplaceLineEndings("\n"),
            Name = form[FeedbackFormModel.Name].ToString(),
            Organisation = form[FeedbackFormModel.Organisation].ToString(),
        };
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            logger.LogInformation("Feedback form refused: missing or stale antiforgery token");
            return await ShowRefusedAsync(context, feedback, token, input, StatusCodes.Status400BadRequest,
                "This form was open for a long time or came from another page, so nothing was sent. Check your text and send it again.", ct);
        }

        if (form[FeedbackFormModel.Website].ToString().Length > 0)
        {
            // A bot filled in the field people never see: it is told "thank you", and nothing is written.
            logger.LogInformation("Feedback form: the hidden field was filled in, nothing saved");
            return Thanks(context, token);
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await feedback.SubmitAsync(token, input, client, ct);
        return result.Status switch
        {
            ResultStatus.Ok => Thanks(context, token),
            ResultStatus.NotFound => NotValid(context),
            _ => await ShowRefusedAsync(context, feedback, token, input, StatusCodes.Status400BadRequest, null, ct, result.Errors),
        };
    }

    /// <summary>The form's fields, or null when the body is over the size limit (the host refuses reading it on; this
    /// checks the declared length and each value's length too, whatever host runs the app).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            return null;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            ValueLengthLimit = (int)MaxRequestBytes,
            ValueCountLimit = 20,
            MultipartBodyLengthLimit = MaxRequestBytes,
        }));
        try
        {
            return await context.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return null;
        }
    }

    private static async Task<IResult> ShowRefusedAsync(HttpContext context, FeedbackLinkService feedback, string token, FeedbackFormInput input,
        int status, string? notice, CancellationToken ct, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        if (await feedback.OpenAsync(token, ct) is not { } form)
        {
            return NotValid(context);
        }

        var model = new FeedbackFormModel(FeedbackPageKind.Form, form.PlanName)
        {
            FormUrl = FormUrl(token),
            Input = input,
            Notice = notice ?? "Nothing was sent yet. Please correct the marked fields, then send again.",
            Errors = errors ?? new Dictionary<string, string[]>(),
        };
        return await RenderFormAsync(context, model, status);
    }

    private static Task<IResult> RenderFormAsync(HttpContext context, FeedbackFormModel model, int status = StatusCodes.Status200OK)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return RenderAsync(context, model with { AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken ?? "" }, status);
    }

    internal static async Task<IResult> RenderAsync(HttpContext context, FeedbackFormModel model, int status = StatusCodes.Status200OK)
    {
        SetHeaders(context.Response);
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FeedbackFormPage.Model)] = model });
            return (await renderer.RenderComponentAsync<FeedbackFormPage>(parameters)).ToHtmlString();
        });
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static EmptyHttpResult Thanks(HttpContext context, string token)
    {
        SetHeaders(context.Response);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{FormUrl(token)}/thanks";
        return TypedResults.Empty;
    }

    private static string FormUrl(string token) => $"/f/{Uri.EscapeDataString(token)}";

    private static ContentHttpResult NotValid(HttpContext context)
    {
        SetHeaders(context.Response);
        return TypedResults.Content(ShareEndpoints.NotValidPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>As on the shared page: not for search engines, no referrer carrying the token elsewhere; and never
    /// stored, since the page holds a form token and perhaps the visitor's text.</summary>
    private static void SetHeaders(HttpResponse response)
    {
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>Sends per client address in a fixed window, from <c>Planner:FeedbackRateLimitPerHour</c>; past it, a page
    /// that says so in words instead of the plain refusal.</summary>
    private sealed class FeedbackRateLimitPolicy(IOptions<PlannerOptions> options, IClientRateLimits limits) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var result = await RenderAsync(context.HttpContext, new FeedbackFormModel(FeedbackPageKind.TooMany), StatusCodes.Status429TooManyRequests);
            context.HttpContext.Response.Headers.RetryAfter = "3600";
            await result.ExecuteAsync(context.HttpContext);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            limits.FixedWindow(RateLimitPolicy, httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", Math.Max(1, options.Value.FeedbackRateLimitPerHour), TimeSpan.FromHours(1));
    }
}
