using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Features.Api;

/// <summary>Signs in an API call from <c>Authorization: Bearer mvpp_…</c>. Only the API uses this scheme: a browser's
/// cookie never authorizes an API call (so no cross-site request can make one), and a token never opens a page.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Where the caller, with the token's scope, waits for the services of this request (see <c>ClaimsCallerAccessor</c>).</summary>
    public static readonly object CallerKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Send the token as: Authorization: Bearer <token>.");
        }

        var caller = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            // The token itself is never logged: only that one was refused.
            Logger.LogInformation("API call with an unknown, revoked or expired token refused");
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        Context.Items[CallerKey] = caller;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, caller.UserId),
                new Claim(ClaimTypes.Name, caller.DisplayName),
                new Claim("api_token_id", caller.Token!.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This API needs a personal access token: Authorization: Bearer <token>. Make one on your account's API tokens page.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "The token does not allow this.");
}
