using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Personas;

public class PersonaService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, IValidator<PersonaInput> validator, ILogger<PersonaService> logger)
{
    public async Task<IReadOnlyList<PersonaView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await db.Personas.AsNoTracking()
            .Where(p => p.PlanId == planId)
            .OrderBy(p => p.Name)
            .Select(p => new PersonaView(p.Id, p.Name, p.UserGroup, p.Goals, p.Pains, p.Context, p.Version,
                p.Problems.OrderBy(pr => pr.Statement).Select(pr => new LinkedItem(pr.Id, pr.Statement)).ToList()))
            .ToListAsync(ct);
    }

    public async Task<ServiceResult<int>> CreateAsync(int planId, PersonaInput input, CancellationToken ct = default)
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

        var persona = new Persona { PlanId = planId };
        Apply(persona, input);
        db.Personas.Add(persona);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created persona {PersonaId} in plan {PlanId}", persona.Id, planId);
        return ServiceResult<int>.Ok(persona.Id, $"Added persona \"{persona.Name}\".");
    }

    public async Task<ServiceResult> UpdateAsync(int planId, int personaId, PersonaInput input, CancellationToken ct = default)
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

        var persona = await db.Personas.FirstOrDefaultAsync(p => p.Id == personaId && p.PlanId == planId, ct);
        if (persona is null)
        {
            return ServiceResult.NotFound("The persona");
        }

        Apply(persona, input);
        return await db.SaveVersionedAsync(persona, input.Version, "The persona", ct);
    }

    /// <summary>Deletes the persona; its problems stay, and the message names those left with no persona at all.</summary>
    public async Task<ServiceResult> DeleteAsync(int planId, int personaId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: of two people deleting the same persona at once, the second is told it is gone.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var persona = await db.Personas.Include(p => p.Problems).ThenInclude(pr => pr.Personas)
            .FirstOrDefaultAsync(p => p.Id == personaId && p.PlanId == planId, ct);
        if (persona is null)
        {
            return ServiceResult.NotFound("The persona");
        }

        var orphaned = persona.Problems.Count(pr => pr.Personas.Count == 1);
        db.Personas.Remove(persona);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Deleted persona {PersonaId} in plan {PlanId}; {OrphanedProblems} problems left without a persona", personaId, planId, orphaned);
        return ServiceResult.Ok(orphaned == 0
            ? $"Deleted persona \"{persona.Name}\"."
            : $"Deleted persona \"{persona.Name}\". {Text.Plural(orphaned, "problem")} now {(orphaned == 1 ? "has" : "have")} no persona.");
    }

    private static void Apply(Persona persona, PersonaInput input)
    {
        persona.Name = Text.Clean(input.Name);
        persona.UserGroup = Text.Clean(input.UserGroup);
        persona.Goals = Text.Clean(input.Goals);
        persona.Pains = Text.Clean(input.Pains);
        persona.Context = Text.Clean(input.Context);
    }
}
