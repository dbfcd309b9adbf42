using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Features.Accounts;

/// <summary>The signed-in person, as services see them. Works in interactive circuits and in static rendering,
/// because both fill the AuthenticationStateProvider.</summary>
public sealed class ClaimsCallerAccessor(AuthenticationStateProvider authentication, IHttpContextAccessor httpContext) : ICallerAccessor
{
    public const string DisplayNameClaim = "display_name";

    public async Task<Caller?> GetCallerAsync()
    {
        // An API call: the caller with its token's scope, as the token handler found it for this request.
        if (httpContext.HttpContext?.Items[Api.ApiTokenAuthenticationHandler.CallerKey] is Caller apiCaller)
        {
            return apiCaller;
        }

        ClaimsPrincipal user;
        try
        {
            user = (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a component render (a minimal API endpoint), the request's user is the caller.
            user = httpContext.HttpContext?.User ?? new ClaimsPrincipal();
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : new Caller(id, user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "Someone");
    }
}
