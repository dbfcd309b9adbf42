using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Personas;

public class PersonaInput
{
    public string Name { get; set; } = "";

    public string UserGroup { get; set; } = "";

    public string Goals { get; set; } = "";

    public string Pains { get; set; } = "";

    public string Context { get; set; } = "";

    public int Version { get; set; }
}

public class PersonaInputValidator : InputValidator<PersonaInput>
{
    public PersonaInputValidator(ILogger<PersonaInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(p => p.Name).Required("Give the persona a name.").WithinLimit(TextLimits.Name);
        RuleFor(p => p.UserGroup).WithinLimit(TextLimits.Name);
        RuleFor(p => p.Goals).WithinLimit(TextLimits.Text);
        RuleFor(p => p.Pains).WithinLimit(TextLimits.Text);
        RuleFor(p => p.Context).WithinLimit(TextLimits.Text);
    }
}

public sealed record LinkedItem(int Id, string Name);

public sealed record PersonaView(int Id, string Name, string UserGroup, string Goals, string Pains, string Context, int Version, IReadOnlyList<LinkedItem> Problems)
{
    public PersonaInput ToInput() => new() { Name = Name, UserGroup = UserGroup, Goals = Goals, Pains = Pains, Context = Context, Version = Version };
}
