using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Features.Accounts;

namespace MvpPlanner.Web.Hosting;

public static class SecurityExtensions
{
    /// <summary>Identity over the planner database: cookie sign-in, a password policy, lockout, and every page
    /// behind sign-in unless it says otherwise.</summary>
    public static WebApplicationBuilder AddMvpPlannerAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<ICallerAccessor, ClaimsCallerAccessor>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddIdentityCore<PlannerUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<PlannerDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PlannerClaimsFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/login";
            options.Cookie.Name = "mvpplanner.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Keys in the database: every instance signs and reads the same cookies and antiforgery tokens, sign-ins
        // survive a restart, and a database backup carries them along.
        services.AddDataProtection()
            .SetApplicationName("MvpPlanner")
            .PersistKeysToDbContext<PlannerDbContext>();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(180));

        return builder;
    }

    /// <summary>Headers for every response. The policy allows what Blazor Server and MudBlazor need: their own scripts,
    /// inline styles MudBlazor sets on elements, and the circuit's WebSocket to this same host.</summary>
    public static WebApplication UseMvpPlannerSecurityHeaders(this WebApplication app)
    {
        // HSTS goes with every response that came over HTTPS, directly or through a trusted proxy (the middleware checks
        // the request's scheme, which forwarded headers have set, and skips localhost). UseHttps only adds the redirect.
        app.UseHsts();
        if (app.Configuration.GetValue<bool>($"{PlannerOptions.Section}:{nameof(PlannerOptions.UseHttps)}"))
        {
            app.UseHttpsRedirection();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;

            // The API reference page starts itself with one inline script: it may run by its nonce, nothing else inline may.
            var scripts = Features.Api.ApiSetup.IsDocsRequest(context) ? $"'self' 'nonce-{Features.Api.ApiSetup.ScriptNonce(context)}'" : "'self'";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            await next();
        });
        return app;
    }
}
