namespace MvpPlanner.Core.Roadmap;

/// <summary>Something kept in a user-chosen order inside its plan: phases, lanes, and features inside a board cell.</summary>
public interface IOrdered
{
    int Id { get; }

    int PlanId { get; }

    int Order { get; set; }
}
