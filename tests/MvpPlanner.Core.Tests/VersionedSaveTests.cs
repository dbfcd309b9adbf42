using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>A save based on a loaded copy tells the person what happened meanwhile: someone changed the item, or
/// someone deleted it.</summary>
public class VersionedSaveTests
{
    [Fact]
    public async Task SaveVersioned_ItemChangedMeanwhile_IsAConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Maya");
        await using var mine = await test.NewContextAsync();
        var persona = await mine.Personas.SingleAsync(p => p.Id == personaId);

        (await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Maya (theirs)", Version = persona.Version }))
            .Succeeded.ShouldBeTrue();
        persona.Name = "Maya (mine)";
        var result = await mine.SaveVersionedAsync(persona, persona.Version, "Persona \"Maya\"", CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        (await test.Get<PersonaService>().ListAsync(planId)).ShouldHaveSingleItem().Name.ShouldBe("Maya (theirs)");
    }

    [Fact]
    public async Task SaveVersioned_ItemDeletedMeanwhile_SaysItIsGoneInsteadOfAConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Maya");
        await using var mine = await test.NewContextAsync();
        var persona = await mine.Personas.SingleAsync(p => p.Id == personaId);

        (await test.Get<PersonaService>().DeleteAsync(planId, personaId)).Succeeded.ShouldBeTrue();
        persona.Name = "Maya (mine)";
        var result = await mine.SaveVersionedAsync(persona, persona.Version, "Persona \"Maya\"", CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.Message.ShouldNotBeNull().ShouldContain("deleted by someone else");
        (await test.Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
    }
}
