using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Common;
using MvpPlanner.Web.Hosting;
using Scalar.AspNetCore;

namespace MvpPlanner.Web.Features.Api;

/// <summary>The REST API at <c>/api/v1</c>: token sign-in, its rate limit, JSON and the OpenAPI document with its
/// reference page. The endpoints call the same services as the pages, so the rules are the same.</summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string Policy = "api";
    public const string RateLimitPolicy = "api";
    public const string DocsPath = "/api/docs";

    public static WebApplicationBuilder AddMvpPlannerApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddRateLimiter(options => options.AddPolicy<string, ApiRateLimitPolicy>(RateLimitPolicy));
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi("v1", ApiDocument.Configure);
        return builder;
    }

    /// <summary>The API's own errors: problems for errors and bare status codes under <c>/api</c> instead of the site's
    /// pages. Goes after (inside) the site's error handling, so it answers first and the site's handlers find the
    /// response already written.</summary>
    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase);

    public static bool IsDocsRequest(HttpContext context) => context.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>One nonce per request for the reference page's inline start-up script (the page and its CSP share it).</summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    private static readonly object NonceKey = new();

    public static IApplicationBuilder UseMvpPlannerApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.WriteErrorAsync });
            api.UseStatusCodePages(ApiProblems.WriteStatusAsync);
        });

    public static WebApplication MapMvpPlannerApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPlansApi();
        api.MapPersonasApi().MapProblemsApi().MapOutcomesApi().MapFeedbackApi().MapOperationsApi();
        api.MapFeaturesApi().MapRoadmapApi().MapMilestonesApi().MapDependenciesApi().MapExportsApi();

        // Anything else under /api is a problem too, not the site's "page not found".
        app.MapFallback("/api/{**path}", () => ApiProblems.NotFound("There is no API endpoint at this address. See /openapi/v1.json for the list."))
            .AllowAnonymous().ExcludeFromDescription();

        // The document describes no data, so scripts and tools can read it without signing in.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(DocsPath, (options, context) => options
                .WithTitle("MvpPlanner API")
                .AddDocument("v1", routePattern: "/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes("bearer")
                .WithNonce(ScriptNonce(context))
                .DisableDefaultFonts() // no font CDN: the page uses only this server
                .DisableTelemetry()
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp())
            .RequireAuthorization(); // signed-in people (the site's cookie), like every page
        return app;
    }

    /// <summary>Counts per token (by its hash: the token itself is never kept), so one busy script cannot slow down another.
    /// Calls without a token are counted per address.</summary>
    private sealed class ApiRateLimitPolicy(IOptions<PlannerOptions> options, IClientRateLimits limits) : IRateLimiterPolicy<string>
    {
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : Window;
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This token made more than {options.Value.ApiRateLimitPerMinute} requests in a minute. Wait for the seconds in Retry-After, then go on.");
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            string? authorization = httpContext.Request.Headers.Authorization;
            var client = string.IsNullOrEmpty(authorization)
                ? "address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                : "token:" + Tokens.Hash(authorization);
            return limits.FixedWindow(RateLimitPolicy, client, Math.Max(1, options.Value.ApiRateLimitPerMinute), Window);
        }
    }
}
