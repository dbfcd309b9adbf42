namespace MvpPlanner.Web.Components.Shared;

/// <summary>Errors the service returned for fields (for example a persona deleted while the form was open),
/// shown beside the field through MudBlazor's <c>Error</c>/<c>ErrorText</c>.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public void Set(IReadOnlyDictionary<string, string[]> errors) => _errors = errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
