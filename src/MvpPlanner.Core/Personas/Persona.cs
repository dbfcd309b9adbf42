using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.Personas;

public class Persona : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public string UserGroup { get; set; } = "";

    public string Goals { get; set; } = "";

    public string Pains { get; set; } = "";

    public string Context { get; set; } = "";

    public List<Problem> Problems { get; set; } = [];
}
