using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Roadmap;

public class MilestoneInput
{
    public string Name { get; set; } = "";

    public DateTime? Date { get; set; }

    public MilestoneKind Kind { get; set; } = MilestoneKind.Launch;

    public int? LaneId { get; set; }

    public string Notes { get; set; } = "";

    public int Version { get; set; }
}

public class MilestoneInputValidator : InputValidator<MilestoneInput>
{
    public MilestoneInputValidator(ILogger<MilestoneInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(m => m.Name).Required("Give the milestone a name.").WithinLimit(TextLimits.Name);
        RuleFor(m => m.Date).NotNull().WithMessage("Choose the milestone's date.");
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.Notes).WithinLimit(TextLimits.Text);
    }
}

public sealed record MilestoneView(int Id, string Name, DateOnly Date, MilestoneKind Kind, int? LaneId, string? LaneName, string Notes, int Version)
{
    public MilestoneInput ToInput() => new()
    {
        Name = Name,
        Date = Date.ToDateTime(TimeOnly.MinValue),
        Kind = Kind,
        LaneId = LaneId,
        Notes = Notes,
        Version = Version,
    };
}
