using Microsoft.AspNetCore.Components;
using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Backlog;

namespace MvpPlanner.Web.Features.Roadmap;

public partial class TimelinePage
{
    private TimelineView? _view;
    private TimelineLayout? _layout;
    private TimelineZoom _zoom = TimelineZoom.Month;

    [Inject] private TimelineService TimelineRead { get; set; } = default!;

    [Inject] private FeatureDatesService Dates { get; set; } = default!;

    [Inject] private MilestoneService Milestones { get; set; } = default!;

    [Inject] private GateService Gates { get; set; } = default!;

    private IReadOnlyDictionary<int, GateResult> _gates = new Dictionary<int, GateResult>();

    [Inject] private FeatureService Features { get; set; } = default!;

    [Inject] private ProblemService Problems { get; set; } = default!;

    [Inject] private IDialogService DialogService { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync()
    {
        _view = await TimelineRead.GetAsync(PlanId);
        _layout = _view is null ? null : new TimelineLayout(_view.From, _view.To, _zoom);
        _gates = (await Gates.GetGatesAsync(PlanId)).Where(g => g.Result.HasGate).ToDictionary(g => g.PhaseId, g => g.Result);
    }

    private async Task OpenGateAsync(int phaseId)
    {
        if (_view?.Phases.FirstOrDefault(p => p.Id == phaseId) is { } phase)
        {
            await MvpPlanner.Web.Features.Gates.GateDialog.ShowAsync(DialogService, PlanId, phase.Id, phase.Name, "", CanEdit);
            await LoadAsync();
        }
    }

    protected override bool Shows(PlanChange change) =>
        change.Touches<Feature>() || change.Touches<RoadmapPhase>() || change.Touches<Lane>() || change.Touches<Milestone>() || change.Touches<GateCondition>();

    private void ZoomChanged(TimelineZoom zoom)
    {
        _zoom = zoom;
        _layout = _view is null ? null : new TimelineLayout(_view.From, _view.To, zoom);
    }

    private async Task DroppedAsync((string Kind, int Id, int Days) drop)
    {
        var result = drop.Kind switch
        {
            "feature" when _view?.Bars.FirstOrDefault(b => b.Id == drop.Id) is { } bar => await MoveBarAsync(bar, drop.Days),
            "milestone" when _view?.Milestones.FirstOrDefault(m => m.Id == drop.Id) is { } m =>
                await Milestones.MoveAsync(PlanId, m.Id, m.Date.AddDays(drop.Days), m.Version),
            _ => ServiceResult.NotFound("The item"),
        };
        Snackbar.Show(result);
        await LoadAsync();
    }

    /// <summary>A dragged bar keeps its length and gets own dates to the day, even if it took its phase's dates before.</summary>
    private Task<ServiceResult> MoveBarAsync(TimelineBar bar, int days)
    {
        FuzzyDate? Shift(DateOnly? date) => date is { } d ? new FuzzyDate(d.AddDays(days), DatePrecision.Day) : null;
        return Dates.RescheduleAsync(PlanId, bar.Id, Shift(bar.Schedule.Start), Shift(bar.Schedule.End), bar.Version);
    }

    private async Task DatesAsync(TimelineBar bar)
    {
        var phase = _view?.Phases.FirstOrDefault(p => p.Id == bar.PhaseId);
        var input = new FeatureDatesInput
        {
            StartDate = FeatureDates.ToDateTime(bar.OwnStart?.Date),
            StartPrecision = bar.OwnStart?.Precision ?? DatePrecision.Day,
            TargetDate = FeatureDates.ToDateTime(bar.OwnTarget?.Date),
            TargetPrecision = bar.OwnTarget?.Precision ?? DatePrecision.Day,
            Version = bar.Version,
        };
        var saved = await DialogService.ShowFormAsync($"Dates of {bar.Title}", new DialogParameters<FeatureDatesDialog>
        {
            { d => d.Input, input },
            { d => d.Save, i => Dates.SetDatesAsync(PlanId, bar.Id, i) },
            { d => d.PhaseStart, phase?.Start },
            { d => d.PhaseEnd, phase?.End },
        });
        if (saved is not null)
        {
            Snackbar.Show(saved);
        }

        await LoadAsync();
    }

    private async Task OpenBarAsync(TimelineBar bar)
    {
        var feature = await Features.GetRowAsync(PlanId, bar.Id);
        if (feature is null)
        {
            Snackbar.Show(ServiceResult.NotFound("The feature"));
            await LoadAsync();
            return;
        }

        var lookups = await Features.GetLookupsAsync(PlanId);
        var problems = (await Problems.ListAsync(PlanId)).Select(p => new LinkedItem(p.Id, p.Statement)).ToList();
        var saved = await DialogService.ShowFormAsync("Edit feature", new DialogParameters<FeatureDialog>
        {
            { d => d.Input, feature.ToInput() },
            { d => d.DraftKey, $"feature:{bar.Id}" },
            { d => d.Save, i => Features.UpdateAsync(PlanId, bar.Id, i) },
            { d => d.SubmitText, "Save" },
            { d => d.Problems, problems },
            { d => d.Phases, lookups.Phases },
            { d => d.Lanes, lookups.Lanes },
            { d => d.LoadLatest, async () => (await Features.GetRowAsync(PlanId, bar.Id))?.ToInput() },
        });
        if (saved is not null)
        {
            Snackbar.Show(saved, "Feature saved.");
        }

        await LoadAsync();
    }

    private async Task AddMilestoneAsync()
    {
        var saved = await DialogService.ShowFormAsync("Add milestone", new DialogParameters<MilestoneDialog>
        {
            { d => d.Input, new MilestoneInput { Date = _view?.Today.ToDateTime(TimeOnly.MinValue) } },
            { d => d.DraftKey, $"milestone:new:{PlanId}" },
            { d => d.Save, async i => await Milestones.CreateAsync(PlanId, i) },
            { d => d.SubmitText, "Add" },
            { d => d.Lanes, _view?.Lanes ?? [] },
        });
        if (saved is not null)
        {
            Snackbar.Show(saved);
        }

        await LoadAsync();
    }

    private async Task EditMilestoneAsync(MilestoneView milestone)
    {
        var saved = await DialogService.ShowFormAsync("Edit milestone", new DialogParameters<MilestoneDialog>
        {
            { d => d.Input, milestone.ToInput() },
            { d => d.DraftKey, $"milestone:{milestone.Id}" },
            { d => d.Save, i => Milestones.UpdateAsync(PlanId, milestone.Id, i) },
            { d => d.Lanes, _view?.Lanes ?? [] },
        });
        if (saved is not null)
        {
            Snackbar.Show(saved, "Milestone saved.");
        }

        await LoadAsync();
    }

    private async Task DeleteMilestoneAsync(MilestoneView milestone)
    {
        if (!await DialogService.ConfirmAsync("Delete milestone", $"Delete the milestone \"{milestone.Name}\"? You can restore it from the trash for 30 days.", "Delete"))
        {
            return;
        }

        Snackbar.Show(await Milestones.DeleteAsync(PlanId, milestone.Id));
        await LoadAsync();
    }
}
