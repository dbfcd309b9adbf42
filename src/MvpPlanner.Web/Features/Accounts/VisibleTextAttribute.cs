using System.ComponentModel.DataAnnotations;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Features.Accounts;

/// <summary>The account forms' counterpart of the validators' required-name rule: text of only whitespace or invisible
/// characters is empty, and a character the database cannot keep is refused.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VisibleTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string;
        if (!Text.IsStorable(text))
        {
            return new ValidationResult(TextRules.UnstorableMessage, [validationContext.MemberName!]);
        }

        return Text.HasVisibleContent(text) ? ValidationResult.Success : new ValidationResult(ErrorMessage, [validationContext.MemberName!]);
    }
}
