using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign people out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async ([FromServices] SignInManager<PlannerUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        return endpoints;
    }
}
