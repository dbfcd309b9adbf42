using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>Which of the public feedback pages to render.</summary>
public enum FeedbackPageKind
{
    Form,
    Thanks,
    TooMany,
}

/// <summary>Everything the public feedback page shows: the plan's name, the visitor's input and the messages beside its
/// fields (after a refused send), and the antiforgery field the form posts back.</summary>
public sealed record FeedbackFormModel(FeedbackPageKind Kind, string PlanName = "")
{
    /// <summary>The form's field names, as posted. <see cref="Website"/> is the honeypot: people never see it.</summary>
    public const string Text = "text", Name = "name", Organisation = "organisation", Website = "website";

    public FeedbackFormInput Input { get; init; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>A message above the form, for a refusal that is not about one field.</summary>
    public string? Notice { get; init; }

    public string AntiforgeryField { get; init; } = "";

    public string AntiforgeryToken { get; init; } = "";

    /// <summary>The form's own address: where it posts, and where "send more feedback" leads from the thank-you page.</summary>
    public string FormUrl { get; init; } = "";

    public string? ErrorFor(string property) => Errors.TryGetValue(property, out var messages) ? string.Join(" ", messages) : null;
}
