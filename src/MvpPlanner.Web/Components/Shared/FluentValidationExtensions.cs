using FluentValidation;

namespace MvpPlanner.Web.Components.Shared;

public static class FluentValidationExtensions
{
    /// <summary>Adapts a validator to MudForm's <c>Validation</c> parameter, so a field shows its message as soon
    /// as it loses focus. The service runs the same validator again before saving.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
