using System.Globalization;
using MudBlazor;
using MvpPlanner.Core.Feedback;

namespace MvpPlanner.Web.Features.Feedback;

/// <summary>Feedback's sources, importance and triage states in the product's words.</summary>
public static class FeedbackLabels
{
    public static string Source(FeedbackSource source) => source switch
    {
        FeedbackSource.Interview => "Interview",
        FeedbackSource.OfficeHours => "Office hours",
        FeedbackSource.SupportTicket => "Support ticket",
        FeedbackSource.Survey => "Survey",
        FeedbackSource.Analytics => "Analytics",
        FeedbackSource.SalesCall => "Sales call",
        FeedbackSource.FeedbackForm => "Feedback form",
        _ => "Other",
    };

    public static string Importance(FeedbackImportance importance) => importance switch
    {
        FeedbackImportance.High => "High importance",
        FeedbackImportance.Low => "Low importance",
        _ => "Medium importance",
    };

    public static Color ImportanceColor(FeedbackImportance importance) => importance switch
    {
        FeedbackImportance.High => Color.Error,
        FeedbackImportance.Low => Color.Default,
        _ => Color.Info,
    };

    public static string State(FeedbackState state) => state switch
    {
        FeedbackState.New => "To triage",
        FeedbackState.Linked => "Linked",
        _ => "Archived",
    };

    /// <summary>"Bo the borrower · Acme · Dana", leaving out what was not given.</summary>
    public static string Who(string? persona, string organisation, string givenBy)
    {
        var parts = new[] { persona ?? "", organisation, givenBy }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? "Someone" : string.Join(" · ", parts);
    }

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"3 items from 2 organisations", for the backlog's evidence cell and tooltips.</summary>
    public static string Evidence(int items, int organisations) =>
        items == 0 ? "No feedback linked yet"
        : organisations == 0 ? $"{Core.Common.Text.Plural(items, "feedback item")}"
        : $"{Core.Common.Text.Plural(items, "feedback item")} from {Core.Common.Text.Plural(organisations, "organisation")}";
}
