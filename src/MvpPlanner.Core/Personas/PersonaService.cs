using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Personas;

public class PersonaService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, PlanWriter writer, IValidator<PersonaInput> validator)
{
    public async Task<IReadOnlyList<PersonaView>> ListAsync(int planId, CancellationToken ct = default) =>
        await TryListAsync(planId, ct) ?? [];

    /// <summary>The plan's personas; null when the caller may not see the plan (the API tells that apart from none).</summary>
    public Task<IReadOnlyList<PersonaView>?> TryListAsync(int planId, CancellationToken ct = default) => ReadAsync(planId, null, ct);

    /// <summary>One persona as stored now; null when it is not in the plan or the caller may not see the plan.</summary>
    public async Task<PersonaView?> GetAsync(int planId, int personaId, CancellationToken ct = default) =>
        await ReadAsync(planId, personaId, ct) is [var one, ..] ? one : null;

    private async Task<IReadOnlyList<PersonaView>?> ReadAsync(int planId, int? personaId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        return await db.Personas.AsNoTracking()
            .Where(p => p.PlanId == planId && (personaId == null || p.Id == personaId))
            .OrderBy(p => p.Name)
            .Select(p => new PersonaView(p.Id, p.Name, p.UserGroup, p.Goals, p.Pains, p.Context, p.Version,
                p.Problems.OrderBy(pr => pr.Statement).Select(pr => new LinkedItem(pr.Id, pr.Statement)).ToList()))
            .ToListAsync(ct);
    }

    public Task<ServiceResult<int>> CreateAsync(int planId, PersonaInput input, CancellationToken ct = default) =>
        writer.WriteAsync<PersonaInput, int>(planId, input, validator, async w =>
        {
            var persona = new Persona { PlanId = planId };
            Apply(persona, input);
            w.Db.Personas.Add(persona);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(persona.Id, $"Added persona \"{persona.Name}\".");
        }, ct);

    public Task<ServiceResult> UpdateAsync(int planId, int personaId, PersonaInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, validator, async w =>
        {
            var persona = await w.FindAsync<Persona>(personaId, ct: ct);
            if (persona is null)
            {
                return ServiceResult.NotFound("The persona");
            }

            Apply(persona, input);
            w.BasedOn(persona, input.Version);
            return ServiceResult.Ok();
        }, ct);

    /// <summary>Moves the persona to the trash; its problems stay, and the message names those left with no persona at all.</summary>
    /// <param name="expectedVersion">When given (the API's If-Match), the persona is deleted only at this version.</param>
    public Task<ServiceResult> DeleteAsync(int planId, int personaId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var persona = await w.FindAsync<Persona>(personaId, q => q.Include(p => p.Problems).ThenInclude(pr => pr.Personas), ct);
            if (persona is null)
            {
                return ServiceResult.NotFound("The persona");
            }

            var orphaned = persona.Problems.Count(pr => pr.Personas.Count == 1);
            w.Expect(persona, expectedVersion);
            await w.TrashAsync(persona, ct);
            return ServiceResult.Ok(orphaned == 0
                ? $"Deleted persona \"{persona.Name}\"."
                : $"Deleted persona \"{persona.Name}\". {Text.Plural(orphaned, "problem")} now {(orphaned == 1 ? "has" : "have")} no persona.");
        }, ct);

    private static void Apply(Persona persona, PersonaInput input)
    {
        persona.Name = Text.Clean(input.Name);
        persona.UserGroup = Text.Clean(input.UserGroup);
        persona.Goals = Text.Clean(input.Goals);
        persona.Pains = Text.Clean(input.Pains);
        persona.Context = Text.Clean(input.Context);
    }
}
