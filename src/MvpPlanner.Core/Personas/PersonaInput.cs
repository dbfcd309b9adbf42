using FluentValidation;
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

public class PersonaInputValidator : AbstractValidator<PersonaInput>
{
    public PersonaInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the persona a name.").MaximumLength(TextLimits.Name);
        RuleFor(p => p.UserGroup).MaximumLength(TextLimits.Name);
        RuleFor(p => p.Goals).MaximumLength(TextLimits.Text);
        RuleFor(p => p.Pains).MaximumLength(TextLimits.Text);
        RuleFor(p => p.Context).MaximumLength(TextLimits.Text);
    }
}

public sealed record LinkedItem(int Id, string Name);

public sealed record PersonaView(int Id, string Name, string UserGroup, string Goals, string Pains, string Context, int Version, IReadOnlyList<LinkedItem> Problems)
{
    public PersonaInput ToInput() => new() { Name = Name, UserGroup = UserGroup, Goals = Goals, Pains = Pains, Context = Context, Version = Version };
}
