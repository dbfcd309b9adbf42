using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class PersonaServiceTests
{
    [Fact]
    public async Task CreateAsync_ValidInput_ListedWithTrimmedFields()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput
        {
            Name = " Lena the lender ",
            UserGroup = "Tool owners ",
            Goals = " Lend tools",
            Pains = "Loses track",
            Context = "Busy weekdays",
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        var persona = (await test.Get<PersonaService>().ListAsync(planId)).ShouldHaveSingleItem();
        persona.Id.ShouldBe(result.Value);
        persona.Name.ShouldBe("Lena the lender");
        persona.UserGroup.ShouldBe("Tool owners");
        persona.Goals.ShouldBe("Lend tools");
        persona.Version.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_UnknownPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PersonaService>().CreateAsync(404, new PersonaInput { Name = "Nobody" });

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task CreateAsync_WhitespaceOnlyName_IsInvalidOnName()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "  \t  " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Name"]);
        (await test.Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_MarkupEmojiAndRtlName_RoundTripsUnchangedButTrimmed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        const string name = "<script>alert(1)</script> 👩🏽‍🔧 שרה המשאילה";

        await test.CreatePersonaAsync(planId, "\u00a0 " + name + "  ");

        (await test.Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe(name);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var personas = test.Get<PersonaService>();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Original");
        var read = (await personas.ListAsync(planId)).Single();

        var firstInput = read.ToInput();
        firstInput.Name = "First edit";
        var secondInput = read.ToInput();
        secondInput.Name = "Second edit";
        var first = await personas.UpdateAsync(planId, personaId, firstInput);
        var second = await personas.UpdateAsync(planId, personaId, secondInput);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await personas.ListAsync(planId)).Single();
        now.Name.ShouldBe("First edit");
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdateAsync_WrongPlan_IsNotFoundAndNothingChanges()
    {
        await using var test = await TestDatabase.CreateAsync();
        var personas = test.Get<PersonaService>();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var personaId = await test.CreatePersonaAsync(planId, "Original");

        var result = await personas.UpdateAsync(otherPlanId, personaId, new PersonaInput { Name = "Hijacked", Version = 1 });

        result.Status.ShouldBe(ResultStatus.NotFound);
        var persona = (await personas.ListAsync(planId)).Single();
        persona.Name.ShouldBe("Original");
        persona.Version.ShouldBe(1);
        (await personas.ListAsync(otherPlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_WrongPlan_IsNotFoundAndPersonaKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var personaId = await test.CreatePersonaAsync(planId);

        var result = await test.Get<PersonaService>().DeleteAsync(otherPlanId, personaId);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<PersonaService>().ListAsync(planId)).Select(p => p.Id).ShouldBe([personaId]);
    }

    [Fact]
    public async Task DeleteAsync_PersonaWithProblems_KeepsProblemsAndFlagsThoseLeftWithoutPersona()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.CreatePersonaAsync(planId, "Doomed");
        var other = await test.CreatePersonaAsync(planId, "Other");
        var onlyDoomed = await test.CreateProblemAsync(planId, "Only the doomed persona has this", doomed);
        var shared = await test.CreateProblemAsync(planId, "Both personas have this", doomed, other);
        var onlyOther = await test.CreateProblemAsync(planId, "Only the other persona has this", other);

        var result = await test.Get<PersonaService>().DeleteAsync(planId, doomed);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted persona \"Doomed\". 1 problem now has no persona.");
        var problems = await test.Get<ProblemService>().ListAsync(planId);
        problems.Select(p => p.Id).ShouldBe([onlyDoomed, shared, onlyOther], ignoreOrder: true);
        problems.Single(p => p.Id == onlyDoomed).HasNoPersona.ShouldBeTrue();
        problems.Single(p => p.Id == shared).Personas.Select(p => p.Id).ShouldBe([other]);
        problems.Single(p => p.Id == shared).HasNoPersona.ShouldBeFalse();
        problems.Single(p => p.Id == onlyOther).HasNoPersona.ShouldBeFalse();
        (await test.Get<PersonaService>().ListAsync(planId)).Select(p => p.Id).ShouldBe([other]);
    }

    [Fact]
    public async Task DeleteAsync_SeveralProblemsOrphaned_MessageCountsThemInPlural()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.CreatePersonaAsync(planId, "Doomed");
        await test.CreateProblemAsync(planId, "First", doomed);
        await test.CreateProblemAsync(planId, "Second", doomed);

        var result = await test.Get<PersonaService>().DeleteAsync(planId, doomed);

        result.Message.ShouldBe("Deleted persona \"Doomed\". 2 problems now have no persona.");
        (await test.Get<ProblemService>().ListAsync(planId)).ShouldAllBe(p => p.HasNoPersona);
        await using var db = await test.NewContextAsync();
        (await db.Problems.CountAsync(p => p.PlanId == planId)).ShouldBe(2);
    }

    [Fact]
    public async Task DeleteAsync_PersonaWithoutProblems_PlainMessage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Loner");

        var result = await test.Get<PersonaService>().DeleteAsync(planId, personaId);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted persona \"Loner\".");
    }
}
