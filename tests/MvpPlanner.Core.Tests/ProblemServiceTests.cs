using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class ProblemServiceTests
{
    [Fact]
    public async Task CreateAsync_WithPersonas_ListedWithLinksAndTrimmedText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var bo = await test.CreatePersonaAsync(planId, "Bo");
        var lena = await test.CreatePersonaAsync(planId, "Lena");

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput
        {
            Statement = "  Cannot find tools nearby ",
            Severity = 4,
            Frequency = ProblemFrequency.Daily,
            Evidence = " 9 of 12 asked ",
            PersonaIds = [lena, bo, bo],
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        var problem = (await test.Get<ProblemService>().ListAsync(planId)).ShouldHaveSingleItem();
        problem.Statement.ShouldBe("Cannot find tools nearby");
        problem.Evidence.ShouldBe("9 of 12 asked");
        problem.Severity.ShouldBe(4);
        problem.Frequency.ShouldBe(ProblemFrequency.Daily);
        problem.Personas.Select(p => p.Name).ShouldBe(["Bo", "Lena"]);
        problem.HasNoPersona.ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_NoPersona_IsInvalidOnPersonaIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = "Orphan" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ProblemInput.PersonaIds)]);
    }

    [Fact]
    public async Task CreateAsync_PersonaOfAnotherPlan_IsInvalidOnPersonaIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var mine = await test.CreatePersonaAsync(planId);
        var theirs = await test.CreatePersonaAsync(otherPlanId);

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = "Sneaky", PersonaIds = [mine, theirs] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ProblemInput.PersonaIds)]);
        (await test.Get<ProblemService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<ProblemService>().ListAsync(otherPlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_DeletedPersona_IsInvalidOnPersonaIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);
        await test.Get<PersonaService>().DeleteAsync(planId, personaId);

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = "Too late", PersonaIds = [personaId] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(ProblemInput.PersonaIds)).ShouldHaveSingleItem().ShouldContain("no longer exists");
        (await test.Get<ProblemService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task CreateAsync_SeverityOutsideOneToFive_IsInvalidOnSeverity(int severity)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = "S", Severity = severity, PersonaIds = [personaId] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ProblemInput.Severity)]);
    }

    [Fact]
    public async Task CreateAsync_WhitespaceOnlyStatement_IsInvalidOnStatement()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);

        var result = await test.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = " \n ", PersonaIds = [personaId] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ProblemInput.Statement)]);
    }

    [Fact]
    public async Task CreateAsync_MarkupEmojiAndRtlStatement_RoundTripsUnchangedButTrimmed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);
        const string statement = "<script>alert(1)</script> 🔨 لا أجد أداة قريبة";

        await test.CreateProblemAsync(planId, "   " + statement + " ", personaId);

        (await test.Get<ProblemService>().ListAsync(planId)).Single().Statement.ShouldBe(statement);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var problems = test.Get<ProblemService>();
        var planId = await test.CreatePlanAsync();
        var bo = await test.CreatePersonaAsync(planId, "Bo");
        var lena = await test.CreatePersonaAsync(planId, "Lena");
        var problemId = await test.CreateProblemAsync(planId, "Original", bo);
        var read = (await problems.ListAsync(planId)).Single();

        var firstInput = read.ToInput();
        firstInput.Statement = "First edit";
        firstInput.PersonaIds = [bo, lena];
        var secondInput = read.ToInput();
        secondInput.Statement = "Second edit";
        secondInput.PersonaIds = [lena];
        var first = await problems.UpdateAsync(planId, problemId, firstInput);
        var second = await problems.UpdateAsync(planId, problemId, secondInput);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await problems.ListAsync(planId)).Single();
        now.Statement.ShouldBe("First edit");
        now.Personas.Select(p => p.Id).ShouldBe([bo, lena]);
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdateAsync_OnlyPersonaLinksChanged_BumpsVersionSoOlderCopyConflicts()
    {
        await using var test = await TestDatabase.CreateAsync();
        var problems = test.Get<ProblemService>();
        var planId = await test.CreatePlanAsync();
        var bo = await test.CreatePersonaAsync(planId, "Bo");
        var lena = await test.CreatePersonaAsync(planId, "Lena");
        var problemId = await test.CreateProblemAsync(planId, "Same text", bo);
        var read = (await problems.ListAsync(planId)).Single();

        var linksOnly = read.ToInput();
        linksOnly.PersonaIds = [lena];
        var first = await problems.UpdateAsync(planId, problemId, linksOnly);
        var stale = await problems.UpdateAsync(planId, problemId, read.ToInput());

        first.Status.ShouldBe(ResultStatus.Ok);
        stale.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await problems.ListAsync(planId)).Single();
        now.Personas.Select(p => p.Id).ShouldBe([lena]);
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdateAsync_OrphanedProblemGivenNewPersona_NoLongerFlagged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var problems = test.Get<ProblemService>();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.CreatePersonaAsync(planId, "Doomed");
        var problemId = await test.CreateProblemAsync(planId, "Re-home me", doomed);
        await test.Get<PersonaService>().DeleteAsync(planId, doomed);
        var newHome = await test.CreatePersonaAsync(planId, "New home");
        var orphan = (await problems.ListAsync(planId)).Single();
        orphan.HasNoPersona.ShouldBeTrue();

        var input = orphan.ToInput();
        input.PersonaIds = [newHome];
        var result = await problems.UpdateAsync(planId, problemId, input);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await problems.ListAsync(planId)).Single().HasNoPersona.ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteAsync_ProblemWithFeatures_KeepsFeaturesAndNamesTheCount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);
        var doomed = await test.CreateProblemAsync(planId, "Doomed", personaId);
        var kept = await test.CreateProblemAsync(planId, "Kept", personaId);
        var onlyDoomed = await test.CreateFeatureAsync(planId, "Addresses doomed", null, null, doomed);
        var both = await test.CreateFeatureAsync(planId, "Addresses both", null, null, doomed, kept);

        var result = await test.Get<ProblemService>().DeleteAsync(planId, doomed);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Problem deleted. 2 features no longer point to it.");
        var features = await test.Get<FeatureService>().ListAsync(planId);
        features.Select(f => f.Id).ShouldBe([onlyDoomed, both], ignoreOrder: true);
        features.Single(f => f.Id == onlyDoomed).Problems.ShouldBeEmpty();
        features.Single(f => f.Id == both).Problems.Select(p => p.Id).ShouldBe([kept]);
        (await test.Get<ProblemService>().ListAsync(planId)).Select(p => p.Id).ShouldBe([kept]);
    }

    [Fact]
    public async Task DeleteAsync_WrongPlan_IsNotFoundAndProblemKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var personaId = await test.CreatePersonaAsync(planId);
        var problemId = await test.CreateProblemAsync(planId, "Mine", personaId);

        var result = await test.Get<ProblemService>().DeleteAsync(otherPlanId, problemId);

        result.Status.ShouldBe(ResultStatus.NotFound);
        await using var db = await test.NewContextAsync();
        (await db.Problems.AnyAsync(p => p.Id == problemId)).ShouldBeTrue();
    }
}
