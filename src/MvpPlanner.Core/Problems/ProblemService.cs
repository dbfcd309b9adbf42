using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Problems;

public class ProblemService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, PlanWriter writer, IValidator<ProblemInput> validator)
{
    public async Task<IReadOnlyList<ProblemView>> ListAsync(int planId, CancellationToken ct = default) =>
        await TryListAsync(planId, ct) ?? [];

    /// <summary>The plan's problems; null when the caller may not see the plan (the API tells that apart from none).</summary>
    public Task<IReadOnlyList<ProblemView>?> TryListAsync(int planId, CancellationToken ct = default) => ReadAsync(planId, null, ct);

    /// <summary>One problem as stored now; null when it is not in the plan or the caller may not see the plan.</summary>
    public async Task<ProblemView?> GetAsync(int planId, int problemId, CancellationToken ct = default) =>
        await ReadAsync(planId, problemId, ct) is [var one, ..] ? one : null;

    private async Task<IReadOnlyList<ProblemView>?> ReadAsync(int planId, int? problemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        return await db.Problems.AsNoTracking()
            .Where(p => p.PlanId == planId && (problemId == null || p.Id == problemId))
            .OrderByDescending(p => p.Severity).ThenBy(p => p.Statement)
            .Select(p => new ProblemView(p.Id, p.Statement, p.Severity, p.Frequency, p.Evidence, p.Version,
                p.Personas.OrderBy(x => x.Name).Select(x => new LinkedItem(x.Id, x.Name)).ToList(),
                p.Features.OrderBy(f => f.Title).Select(f => new LinkedItem(f.Id, f.Title)).ToList()))
            .ToListAsync(ct);
    }

    public Task<ServiceResult<int>> CreateAsync(int planId, ProblemInput input, CancellationToken ct = default) =>
        writer.WriteAsync<ProblemInput, int>(planId, input, validator, async w =>
        {
            var problem = new Problem { PlanId = planId };
            var linked = await ApplyAsync(w.Db, planId, problem, input, ct);
            if (!linked.Succeeded)
            {
                return Fail.From(linked);
            }

            w.Db.Problems.Add(problem);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(problem.Id, "Problem added.");
        }, ct);

    public Task<ServiceResult> UpdateAsync(int planId, int problemId, ProblemInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, validator, async w =>
        {
            var problem = await w.FindAsync<Problem>(problemId, q => q.Include(p => p.Personas), ct);
            if (problem is null)
            {
                return ServiceResult.NotFound("The problem");
            }

            var linked = await ApplyAsync(w.Db, planId, problem, input, ct);
            if (linked.Succeeded)
            {
                w.BasedOn(problem, input.Version);
            }

            return linked;
        }, ct);

    /// <summary>Moves the problem to the trash; features that addressed it stay and lose only this link (a restore brings it back).</summary>
    /// <param name="expectedVersion">When given (the API's If-Match), the problem is deleted only at this version.</param>
    public Task<ServiceResult> DeleteAsync(int planId, int problemId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var problem = await w.FindAsync<Problem>(problemId, q => q.Include(p => p.Features), ct);
            if (problem is null)
            {
                return ServiceResult.NotFound("The problem");
            }

            var features = problem.Features.Count;
            w.Expect(problem, expectedVersion);
            await w.TrashAsync(problem, ct);
            return ServiceResult.Ok(features == 0
                ? "Problem deleted."
                : $"Problem deleted. {Text.Plural(features, "feature")} no longer {(features == 1 ? "points" : "point")} to it.");
        }, ct);

    private static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, int planId, Problem problem, ProblemInput input, CancellationToken ct)
    {
        var wanted = input.PersonaIds.Distinct().ToList();
        var personas = await db.Personas.Where(p => p.PlanId == planId && wanted.Contains(p.Id)).ToListAsync(ct);
        if (personas.Count != wanted.Count)
        {
            return ServiceResult.Invalid(nameof(ProblemInput.PersonaIds), "A chosen persona no longer exists. It may have been deleted; choose again.");
        }

        problem.Statement = Text.Clean(input.Statement);
        problem.Severity = input.Severity;
        problem.Frequency = input.Frequency;
        problem.Evidence = Text.Clean(input.Evidence);
        problem.Personas.Clear();
        problem.Personas.AddRange(personas);
        return ServiceResult.Ok();
    }
}
