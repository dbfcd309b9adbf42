using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign people out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<PlannerUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest("This sign-out request did not come from MvpPlanner. Use the Sign out button.");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).DisableAntiforgery(); // validated above, so a bad token is a clear 400 rather than an exception

        return endpoints;
    }
}
