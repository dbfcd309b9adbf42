using Microsoft.AspNetCore.Components;
using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Workshops;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Plans;

namespace MvpPlanner.Web.Features.Personas;

public partial class PersonasPage : PlanPageBase
{
    private static readonly DialogOptions EditDialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    private IReadOnlyList<PersonaView> _personas = [];
    private IReadOnlyList<ProblemView> _problems = [];
    private int? _filterPersonaId;
    private IReadOnlyDictionary<int, Core.Feedback.EvidenceSummary> _evidence = new Dictionary<int, Core.Feedback.EvidenceSummary>();

    [Inject]
    private Core.Feedback.EvidenceService EvidenceService { get; set; } = default!;

    [Inject]
    private PersonaService PersonaService { get; set; } = default!;

    [Inject]
    private ProblemService ProblemService { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private PersonaView? FilterPersona => _personas.FirstOrDefault(p => p.Id == _filterPersonaId);

    private IEnumerable<ProblemView> VisibleProblems => FilterPersona is { } persona
        ? _problems.Where(p => p.Personas.Any(x => x.Id == persona.Id))
        : _problems;

    private string ProblemsHeading => FilterPersona is null
        ? $"Problems ({_problems.Count})"
        : $"Problems ({VisibleProblems.Count()} of {_problems.Count})";

    /// <summary>Persona and problem cards, and the features that address each problem.</summary>
    protected override bool Shows(PlanChange change) =>
        change.Touches<Persona>() || change.Touches<Problem>() || change.Touches<Core.Features.Feature>() || change.Touches<Core.Feedback.FeedbackItem>();

    protected override async Task LoadAsync()
    {
        _personas = await PersonaService.ListAsync(PlanId);
        _problems = await ProblemService.ListAsync(PlanId);
        _evidence = await EvidenceService.ForProblemsAsync(PlanId);
        // A filter on a persona that is gone, or that has no problems left, would show an empty list for no visible reason.
        if (FilterPersona is not { Problems.Count: > 0 })
        {
            _filterPersonaId = null;
        }
    }

    private void ToggleFilter(int personaId) => _filterPersonaId = _filterPersonaId == personaId ? null : personaId;

    private void ClearFilter() => _filterPersonaId = null;

    private Task AddPersonaAsync() =>
        ShowEditDialogAsync<PersonaDialog>("Add persona", new DialogParameters<PersonaDialog>
        {
            { d => d.Input, new PersonaInput() },
            { d => d.DraftKey, "persona:new" },
            { d => d.Save, async i => await PersonaService.CreateAsync(PlanId, i) },
            { d => d.SubmitText, "Add persona" },
        }, "Persona added.");

    private Task EditPersonaAsync(PersonaView persona) =>
        ShowEditDialogAsync<PersonaDialog>($"Edit persona \"{persona.Name}\"", new DialogParameters<PersonaDialog>
        {
            { d => d.Input, persona.ToInput() },
            { d => d.DraftKey, $"persona:{persona.Id}" },
            { d => d.Save, i => PersonaService.UpdateAsync(PlanId, persona.Id, i) },
            { d => d.LoadLatest, async () => (await PersonaService.ListAsync(PlanId)).FirstOrDefault(p => p.Id == persona.Id)?.ToInput() },
        }, "Persona saved.");

    private async Task DeletePersonaAsync(PersonaView persona)
    {
        var confirmed = await DialogService.ShowMessageBoxAsync(
            $"Delete persona \"{persona.Name}\"?", DeleteImpact.ForPersona(persona, _problems), yesText: "Delete persona", cancelText: "Cancel");
        if (confirmed == true)
        {
            Snackbar.Show(await PersonaService.DeleteAsync(PlanId, persona.Id));
            await LoadAsync();
        }
    }

    private Task AddProblemAsync()
    {
        // Start from the persona in focus (the filter, or the only one) so the usual case needs no extra pick.
        var preselected = FilterPersona?.Id ?? (_personas.Count == 1 ? _personas[0].Id : (int?)null);
        return ShowEditDialogAsync<ProblemDialog>("Add problem", new DialogParameters<ProblemDialog>
        {
            { d => d.Input, new ProblemInput { PersonaIds = preselected is { } id ? [id] : [] } },
            { d => d.DraftKey, "problem:new" },
            { d => d.Personas, PersonaChoices() },
            { d => d.Save, async i => await ProblemService.CreateAsync(PlanId, i) },
            { d => d.SubmitText, "Add problem" },
        }, "Problem added.");
    }

    private Task EditProblemAsync(ProblemView problem) =>
        ShowEditDialogAsync<ProblemDialog>("Edit problem", new DialogParameters<ProblemDialog>
        {
            { d => d.Input, problem.ToInput() },
            { d => d.DraftKey, $"problem:{problem.Id}" },
            { d => d.Personas, PersonaChoices() },
            { d => d.Save, i => ProblemService.UpdateAsync(PlanId, problem.Id, i) },
            { d => d.LoadLatest, async () => (await ProblemService.ListAsync(PlanId)).FirstOrDefault(p => p.Id == problem.Id)?.ToInput() },
        }, "Problem saved.");

    private async Task DeleteProblemAsync(ProblemView problem)
    {
        var confirmed = await DialogService.ShowMessageBoxAsync(
            "Delete problem?", DeleteImpact.ForProblem(problem), yesText: "Delete problem", cancelText: "Cancel");
        if (confirmed == true)
        {
            Snackbar.Show(await ProblemService.DeleteAsync(PlanId, problem.Id));
            await LoadAsync();
        }
    }

    private List<LinkedItem> PersonaChoices() => _personas.Select(p => new LinkedItem(p.Id, p.Name)).ToList();

    private async Task ShowEditDialogAsync<TDialog>(string title, DialogParameters<TDialog> parameters, string success)
        where TDialog : IComponent
    {
        var dialog = await DialogService.ShowAsync<TDialog>(title, parameters, EditDialogOptions);
        if (await dialog.Result is { Canceled: false } closed)
        {
            Snackbar.Show(closed.Data as ServiceResult ?? ServiceResult.Ok(), success);
            await LoadAsync();
        }
    }
}
