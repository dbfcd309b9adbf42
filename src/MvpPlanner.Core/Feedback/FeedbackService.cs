using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Feedback;

/// <summary>Feedback per plan: quick capture, editing, triage (new → linked → archived) and links to the problems and
/// features it speaks to. Every change goes through the plan's write path.</summary>
public class FeedbackService(PlanWriter writer, IValidator<FeedbackInput> validator, IValidator<FeedbackLinksInput> linksValidator)
{
    private static readonly Expression<Func<FeedbackItem, FeedbackRow>> ToRow = f => new FeedbackRow(
        f.Id, f.Text, f.Source, f.PersonaId, f.Persona == null ? null : f.Persona.Name, f.Organisation, f.GivenBy, f.ReceivedOn, f.Importance, f.State, f.Version,
        f.Problems.OrderBy(p => p.Statement).Select(p => new LinkedItem(p.Id, p.Statement)).ToList(),
        f.Features.OrderBy(x => x.Title).Select(x => new LinkedItem(x.Id, x.Title)).ToList());

    public async Task<FeedbackSlice> ListAsync(int planId, FeedbackQuery query, CancellationToken ct = default) =>
        await TryListAsync(planId, query, ct) ?? FeedbackSlice.Empty;

    /// <summary>The page of feedback; null when the caller may not see the plan (the API tells that apart from none).</summary>
    public async Task<FeedbackSlice?> TryListAsync(int planId, FeedbackQuery query, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        var items = Matching(db.FeedbackItems.AsNoTracking().Where(f => f.PlanId == planId), query);
        var count = await items.CountAsync(ct);
        var rows = await items.OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 0, FeedbackQuery.MaxTake))
            .Select(ToRow)
            .ToListAsync(ct);
        return new FeedbackSlice(rows, count);
    }

    /// <summary>One item as stored now (for a dialog that shows someone else's newer version).</summary>
    public async Task<FeedbackRow?> GetAsync(int planId, int feedbackId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is null ? null : await db.FeedbackItems.AsNoTracking().Where(f => f.PlanId == planId && f.Id == feedbackId).Select(ToRow).FirstOrDefaultAsync(ct);
    }

    /// <summary>How many items wait in each triage state.</summary>
    public async Task<FeedbackCounts> CountsAsync(int planId, CancellationToken ct = default) =>
        await TryCountsAsync(planId, ct) ?? FeedbackCounts.None;

    /// <summary>How many items wait in each triage state; null when the caller may not see the plan.</summary>
    public async Task<FeedbackCounts?> TryCountsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        var counts = await db.FeedbackItems.AsNoTracking().Where(f => f.PlanId == planId)
            .GroupBy(f => f.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(FeedbackState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        return new FeedbackCounts(Of(FeedbackState.New), Of(FeedbackState.Linked), Of(FeedbackState.Archived));
    }

    /// <summary>Quick capture: the text with the session's defaults; it waits as New until someone links it.</summary>
    public Task<ServiceResult<int>> CaptureAsync(int planId, FeedbackInput input, CancellationToken ct = default) =>
        writer.CreateAsync<FeedbackItem, FeedbackInput>(planId, input, validator, ApplyAsync, "Feedback", ct);

    public Task<ServiceResult> UpdateAsync(int planId, int feedbackId, FeedbackInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<FeedbackItem, FeedbackInput>(planId, feedbackId, input, input.Version, validator, ApplyAsync, "Feedback", ct);

    /// <param name="expectedVersion">When given (the API's If-Match), the item is deleted only at this version.</param>
    public Task<ServiceResult> DeleteAsync(int planId, int feedbackId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.DeleteAsync<FeedbackItem>(planId, feedbackId, "Feedback", ct, expectedVersion: expectedVersion);

    /// <summary>Sets what the item speaks to. Linking a new item triages it (Linked); removing its last link puts it
    /// back to triage (New). Archived items stay archived.</summary>
    public Task<ServiceResult> SetLinksAsync(int planId, int feedbackId, FeedbackLinksInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, linksValidator, async w =>
        {
            var item = await w.FindAsync<FeedbackItem>(feedbackId, q => q.Include(f => f.Problems).Include(f => f.Features), ct);
            if (item is null)
            {
                return ServiceResult.NotFound("The feedback");
            }

            var problemIds = input.ProblemIds.Distinct().ToList();
            var featureIds = input.FeatureIds.Distinct().ToList();
            var problems = await w.Db.Problems.Where(p => p.PlanId == planId && problemIds.Contains(p.Id)).ToListAsync(ct);
            var features = await w.Db.Features.Where(f => f.PlanId == planId && featureIds.Contains(f.Id)).ToListAsync(ct);
            if (problems.Count != problemIds.Count || features.Count != featureIds.Count)
            {
                return ServiceResult.Invalid(nameof(FeedbackLinksInput.FeatureIds), "A chosen problem or feature no longer exists. It may have been deleted; choose again.");
            }

            item.Problems.RemoveAll(p => !problemIds.Contains(p.Id));
            item.Problems.AddRange(problems.Where(p => item.Problems.All(x => x.Id != p.Id)));
            item.Features.RemoveAll(f => !featureIds.Contains(f.Id));
            item.Features.AddRange(features.Where(f => item.Features.All(x => x.Id != f.Id)));
            if (item.State != FeedbackState.Archived)
            {
                item.State = problems.Count + features.Count > 0 ? FeedbackState.Linked : FeedbackState.New;
            }

            w.BasedOn(item, input.Version);
            var count = problems.Count + features.Count;
            return ServiceResult.Ok(count == 0 ? "Links removed; the feedback is back in triage." : $"Feedback linked to {Text.Plural(count, "item")}.");
        }, ct);

    /// <summary>Archived items leave triage and stop counting as evidence; unarchiving brings them back as they were linked.</summary>
    public Task<ServiceResult> SetArchivedAsync(int planId, int feedbackId, bool archived, int expectedVersion, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var item = await w.FindAsync<FeedbackItem>(feedbackId, q => q.Include(f => f.Problems).Include(f => f.Features), ct);
            if (item is null)
            {
                return ServiceResult.NotFound("The feedback");
            }

            item.State = archived ? FeedbackState.Archived
                : item.Problems.Count + item.Features.Count > 0 ? FeedbackState.Linked : FeedbackState.New;
            w.BasedOn(item, expectedVersion);
            return ServiceResult.Ok(archived ? "Feedback archived." : "Feedback back from the archive.");
        }, ct);

    internal static IQueryable<FeedbackItem> Matching(IQueryable<FeedbackItem> items, FeedbackQuery query)
    {
        if (query.State is { } state)
        {
            items = items.Where(f => f.State == state);
        }

        if (query.Source is { } source)
        {
            items = items.Where(f => f.Source == source);
        }

        if (query.PersonaId is { } personaId)
        {
            items = items.Where(f => f.PersonaId == personaId);
        }

        if (query.ProblemId is { } problemId)
        {
            items = items.Where(f => f.Problems.Any(p => p.Id == problemId));
        }

        if (query.FeatureId is { } featureId)
        {
            items = items.Where(f => f.Features.Any(x => x.Id == featureId));
        }

        // instr() on lower(): % and _ are plain characters (lower() is Unicode-aware on SQLite, see DatabaseSetup).
        var text = query.Search.Trim().ToLowerInvariant();
        if (text.Length > 0)
        {
            items = items.Where(f => f.Text.ToLower().Contains(text) || f.Organisation.ToLower().Contains(text) || f.GivenBy.ToLower().Contains(text));
        }

        return items;
    }

    private static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, FeedbackItem item, FeedbackInput input, CancellationToken ct)
    {
        // The persona must be one of this plan's: another plan's id would tie the two plans together.
        if (input.PersonaId is { } personaId && !await db.Personas.AnyAsync(p => p.Id == personaId && p.PlanId == item.PlanId, ct))
        {
            return ServiceResult.Invalid(nameof(FeedbackInput.PersonaId), "That persona no longer exists. Choose another or none.");
        }

        item.Text = Text.Clean(input.Text);
        item.Source = input.Source;
        item.PersonaId = input.PersonaId;
        item.Organisation = Text.Clean(input.Organisation);
        item.GivenBy = Text.Clean(input.GivenBy);
        item.ReceivedOn = input.ReceivedOn is { } on ? DateOnly.FromDateTime(on) : DateOnly.FromDateTime(db.Clock.GetLocalNow().DateTime);
        item.Importance = input.Importance;
        return ServiceResult.Ok();
    }
}
