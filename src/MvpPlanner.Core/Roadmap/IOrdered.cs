using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Roadmap;

/// <summary>Something kept in a user-chosen order inside its plan: phases, lanes, and features inside a board cell.</summary>
public interface IOrdered : IPlanItem
{
    int Id { get; }

    int Order { get; set; }
}
