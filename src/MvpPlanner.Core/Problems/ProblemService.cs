using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Problems;

public class ProblemService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, IValidator<ProblemInput> validator, ILogger<ProblemService> logger)
{
    public async Task<IReadOnlyList<ProblemView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await db.Problems.AsNoTracking()
            .Where(p => p.PlanId == planId)
            .OrderByDescending(p => p.Severity).ThenBy(p => p.Statement)
            .Select(p => new ProblemView(p.Id, p.Statement, p.Severity, p.Frequency, p.Evidence, p.Version,
                p.Personas.OrderBy(x => x.Name).Select(x => new LinkedItem(x.Id, x.Name)).ToList(),
                p.Features.OrderBy(f => f.Title).Select(f => new LinkedItem(f.Id, f.Title)).ToList()))
            .ToListAsync(ct);
    }

    public async Task<ServiceResult<int>> CreateAsync(int planId, ProblemInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return Fail.NotFound("The plan");
        }

        // One write transaction: what it links to is checked and linked before anyone can delete it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var problem = new Problem { PlanId = planId };
        var linked = await ApplyAsync(db, planId, problem, input, ct);
        if (!linked.Succeeded)
        {
            return Fail.From(linked);
        }

        db.Problems.Add(problem);
        if (await db.SaveLinksAsync(logger, ct) is { } refused)
        {
            return Fail.From(refused);
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("Created problem {ProblemId} in plan {PlanId}", problem.Id, planId);
        return ServiceResult<int>.Ok(problem.Id, "Problem added.");
    }

    public async Task<ServiceResult> UpdateAsync(int planId, int problemId, ProblemInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: what it links to is checked and linked before anyone can delete it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var problem = await db.Problems.Include(p => p.Personas)
            .FirstOrDefaultAsync(p => p.Id == problemId && p.PlanId == planId, ct);
        if (problem is null)
        {
            return ServiceResult.NotFound("The problem");
        }

        var linked = await ApplyAsync(db, planId, problem, input, ct);
        if (!linked.Succeeded)
        {
            return linked;
        }

        var saved = await db.SaveVersionedAsync(problem, input.Version, "The problem", ct, logger);
        if (saved.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>Deletes the problem; features that addressed it stay and lose only this link.</summary>
    public async Task<ServiceResult> DeleteAsync(int planId, int problemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: of two people deleting the same problem at once, the second is told it is gone.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var problem = await db.Problems.Include(p => p.Features)
            .FirstOrDefaultAsync(p => p.Id == problemId && p.PlanId == planId, ct);
        if (problem is null)
        {
            return ServiceResult.NotFound("The problem");
        }

        var features = problem.Features.Count;
        db.Problems.Remove(problem);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Deleted problem {ProblemId} in plan {PlanId}, unlinking {FeatureCount} features", problemId, planId, features);
        return ServiceResult.Ok(features == 0
            ? "Problem deleted."
            : $"Problem deleted. {Text.Plural(features, "feature")} no longer {(features == 1 ? "points" : "point")} to it.");
    }

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
