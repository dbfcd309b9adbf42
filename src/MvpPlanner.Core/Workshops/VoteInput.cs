using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Workshops;

public class VoteInput
{
    public string Title { get; set; } = "";

    public VoteItemKind ItemKind { get; set; }

    public IReadOnlyCollection<int> ItemIds { get; set; } = [];

    public int DotsPerPerson { get; set; } = 3;

    public bool AllowSeveralDotsPerItem { get; set; }
}

public class VoteInputValidator : InputValidator<VoteInput>
{
    public VoteInputValidator(ILogger<VoteInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(v => v.Title).Required("Say what the group votes on, for example \"Which features make the MVP?\"").WithinLimit(TextLimits.Name);
        RuleFor(v => v.ItemIds).Must(ids => ids.Count >= 2).WithMessage("Choose at least two items to vote on.");
        RuleFor(v => v.DotsPerPerson).InclusiveBetween(1, 20).WithMessage("Each person gets between 1 and 20 dots.");
    }
}
