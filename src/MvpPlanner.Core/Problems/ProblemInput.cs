using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Problems;

public class ProblemInput
{
    public string Statement { get; set; } = "";

    public int Severity { get; set; } = 3;

    public ProblemFrequency Frequency { get; set; } = ProblemFrequency.Weekly;

    public string Evidence { get; set; } = "";

    public IReadOnlyCollection<int> PersonaIds { get; set; } = [];

    public int Version { get; set; }
}

public class ProblemInputValidator : InputValidator<ProblemInput>
{
    public ProblemInputValidator(ILogger<ProblemInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(p => p.Statement).Required("Describe the problem in a sentence.").WithinLimit(TextLimits.Line);
        RuleFor(p => p.Severity).InclusiveBetween(1, 5).WithMessage("Severity goes from 1 (minor) to 5 (blocking).");
        RuleFor(p => p.Frequency).IsInEnum();
        RuleFor(p => p.Evidence).WithinLimit(TextLimits.Text);
        RuleFor(p => p.PersonaIds).NotEmpty().WithMessage("Choose at least one persona who has this problem.");
    }
}

public sealed record ProblemView(
    int Id,
    string Statement,
    int Severity,
    ProblemFrequency Frequency,
    string Evidence,
    int Version,
    IReadOnlyList<LinkedItem> Personas,
    IReadOnlyList<LinkedItem> Features)
{
    /// <summary>True when every persona who had it was deleted: the problem stays, flagged for the team to re-home.</summary>
    public bool HasNoPersona => Personas.Count == 0;

    public ProblemInput ToInput() => new()
    {
        Statement = Statement,
        Severity = Severity,
        Frequency = Frequency,
        Evidence = Evidence,
        PersonaIds = Personas.Select(p => p.Id).ToList(),
        Version = Version,
    };
}
