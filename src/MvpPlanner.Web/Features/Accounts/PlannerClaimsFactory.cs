using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Features.Accounts;

/// <summary>Puts the display name in the sign-in cookie, so activity and presence show names without a query.</summary>
public sealed class PlannerClaimsFactory(UserManager<PlannerUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlannerUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlannerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsCallerAccessor.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
