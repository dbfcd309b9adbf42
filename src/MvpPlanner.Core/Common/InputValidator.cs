using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Logging;

namespace MvpPlanner.Core.Common;

/// <summary>The base of every input's validator. Every text field of the input is checked for characters the database
/// cannot keep: the field says so, instead of the character vanishing on the way and the field turning up empty.</summary>
public abstract class InputValidator<T> : AbstractValidator<T>
{
    private readonly ILogger? _logger;

    protected InputValidator(ILogger? logger = null)
    {
        _logger = logger;
        var input = Expression.Parameter(typeof(T), "input");
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanRead))
        {
            var field = Expression.Lambda<Func<T, string>>(Expression.Property(input, property), input);
            RuleFor(field).Must(Text.IsStorable).WithMessage(TextRules.UnstorableMessage).WithErrorCode(TextRules.UnstorableCode);
        }
    }

    public override ValidationResult Validate(ValidationContext<T> context)
    {
        var result = base.Validate(context);
        LogUnstorable(result);
        return result;
    }

    public override async Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default)
    {
        var result = await base.ValidateAsync(context, cancellation);
        LogUnstorable(result);
        return result;
    }

    // Says where and what, never the text itself: it is the user's content.
    private void LogUnstorable(ValidationResult result)
    {
        if (_logger is null)
        {
            return;
        }

        foreach (var failure in result.Errors.Where(e => e.ErrorCode == TextRules.UnstorableCode))
        {
            var text = failure.AttemptedValue as string ?? "";
            var position = Text.FindUnstorable(text);
            _logger.LogWarning(
                "Refused {Input}.{Field}: character {CodeUnit} at position {Position} of {Length} cannot be stored",
                typeof(T).Name, failure.PropertyName, position < 0 ? "" : ((int)text[position]).ToString("X4", CultureInfo.InvariantCulture), position, text.Length);
        }
    }
}

/// <summary>The rules every text field shares, with messages that speak to the user.</summary>
public static class TextRules
{
    public const string UnstorableCode = "UnstorableText";

    public const string UnstorableMessage = "This contains a character that cannot be stored. Delete it or type it again.";

    /// <summary>The field must show something: whitespace and invisible characters alone count as empty.</summary>
    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule, string message) =>
        rule.Must(Text.HasVisibleContent).WithMessage(message);

    /// <summary>At most <paramref name="limit"/> characters (the column size), told as the field's own message.</summary>
    public static IRuleBuilderOptions<T, string> WithinLimit<T>(this IRuleBuilder<T, string> rule, int limit) =>
        rule.MaximumLength(limit).WithMessage(LengthMessage(limit));

    public static string LengthMessage(int limit) =>
        $"Keep this to {limit.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer; it has {{TotalLength}}.";
}
