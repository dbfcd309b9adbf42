using Microsoft.AspNetCore.Identity;

namespace MvpPlanner.Core.Accounts;

public class PlannerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The first account of an instance: may open or close registration.</summary>
    public bool IsInstanceAdmin { get; set; }

    public DateTime CreatedAt { get; set; }
}
