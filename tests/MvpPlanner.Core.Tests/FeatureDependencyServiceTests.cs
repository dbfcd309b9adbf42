using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class FeatureDependencyServiceTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));

    private static string Messages(ServiceResult result) => result.Message + " " + string.Join("; ", result.Errors.SelectMany(e => e.Value));

    [Fact]
    public async Task Add_ThenGet_BothFeaturesShowTheLink()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var service = test.Get<FeatureDependencyService>();

        var added = await service.AddAsync(planId, checkout, payments);

        added.Succeeded.ShouldBeTrue(Messages(added));
        added.Message.ShouldBe("\"Checkout\" now depends on \"Payments\".");
        added.Value.ShouldBe(1); // the version an open dialog may have been based on
        (await test.VersionOfAsync<Feature>(checkout)).ShouldBe(2);
        (await service.GetAsync(planId, checkout))!.DependsOn.Select(d => d.Title).ShouldBe(["Payments"]);
        (await service.GetAsync(planId, payments))!.NeededBy.Select(d => d.Title).ShouldBe(["Checkout"]);
    }

    [Fact]
    public async Task Add_ClosingALoop_IsRefusedNamingEveryStepAndNothingIsSaved()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var accounts = await test.CreateFeatureAsync(planId, "Accounts");
        var service = test.Get<FeatureDependencyService>();
        (await service.AddAsync(planId, checkout, payments)).Succeeded.ShouldBeTrue();
        (await service.AddAsync(planId, payments, accounts)).Succeeded.ShouldBeTrue();

        var loop = await service.AddAsync(planId, accounts, checkout);

        loop.Status.ShouldBe(ResultStatus.Invalid);
        loop.Errors[FeatureDependencyService.DependsOnField].ShouldHaveSingleItem().ShouldBe(
            "That would make a loop: \"Accounts\" needs \"Checkout\", \"Checkout\" needs \"Payments\", and \"Payments\" needs \"Accounts\". " +
            "Nothing in a loop could ever start; remove one of these dependencies first.");
        (await service.GetAsync(planId, accounts))!.DependsOn.ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_OnItself_IsRefused()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");

        var result = await test.Get<FeatureDependencyService>().AddAsync(planId, checkout, checkout);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("A feature cannot depend on itself (\"Checkout\").");
    }

    [Fact]
    public async Task Get_Candidates_LeaveOutItselfWhatItNeedsAndWhatWouldMakeALoop()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var receipts = await test.CreateFeatureAsync(planId, "Receipts");
        await test.CreateFeatureAsync(planId, "Search");
        var service = test.Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);
        await service.AddAsync(planId, receipts, checkout);

        var candidates = (await service.GetAsync(planId, checkout))!.Candidates.Select(c => c.Name);

        candidates.ShouldBe(["Search"]);
    }

    [Fact]
    public async Task Add_ScheduledInAnEarlierPhaseThanWhatItNeeds_SaysSoAndIsMarkedEarly()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var checkout = await test.CreateFeatureAsync(planId, "Checkout", phases[0].Id);
        var payments = await test.CreateFeatureAsync(planId, "Payments", phases[2].Id);
        var service = test.Get<FeatureDependencyService>();

        var added = await service.AddAsync(planId, checkout, payments);

        added.Message.ShouldBe("\"Checkout\" now depends on \"Payments\". Careful: it is planned to start before \"Payments\" is done.");
        var link = (await service.ListAsync(planId)).ShouldHaveSingleItem();
        link.IsEarly.ShouldBeTrue();
        link.Warning.ShouldBe("\"Checkout\" is planned to start before \"Payments\", which it needs, is done.");
    }

    [Fact]
    public async Task Early_PrerequisiteMovedIntoAnEarlierPhase_NoLongerEarly()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var checkout = await test.CreateFeatureAsync(planId, "Checkout", phases[1].Id);
        var payments = await test.CreateFeatureAsync(planId, "Payments", phases[2].Id);
        var service = test.Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);

        var moved = await test.Get<FeatureService>().UpdateAsync(planId, payments, new FeatureInput { Title = "Payments", PhaseId = phases[0].Id, Version = await test.VersionOfAsync<Feature>(payments) });
        moved.Succeeded.ShouldBeTrue(Messages(moved));

        (await service.ListAsync(planId)).ShouldHaveSingleItem().IsEarly.ShouldBeFalse();
    }

    [Fact]
    public async Task Early_PrerequisiteAlreadyShipped_IsNotAWarning()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var checkout = await test.CreateFeatureAsync(planId, "Checkout", phases[0].Id);
        var payments = await test.CreateFeatureAsync(planId, "Payments", phases[2].Id);
        await test.Get<FeatureService>().UpdateAsync(planId, payments, new FeatureInput { Title = "Payments", PhaseId = phases[2].Id, Status = FeatureStatus.Shipped, Version = 1 });
        var service = test.Get<FeatureDependencyService>();

        var added = await service.AddAsync(planId, checkout, payments);

        added.Message.ShouldBe("\"Checkout\" now depends on \"Payments\".");
        (await service.ListAsync(planId)).ShouldHaveSingleItem().IsEarly.ShouldBeFalse();
    }

    [Fact]
    public async Task Remove_TakesTheLinkAwayAndIsInTheFeaturesHistory()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var service = test.Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);

        var removed = await service.RemoveAsync(planId, checkout, payments);

        removed.Message.ShouldBe("\"Checkout\" no longer depends on \"Payments\".");
        (await service.GetAsync(planId, checkout))!.DependsOn.ShouldBeEmpty();
        var history = await test.Get<HistoryService>().ForItemAsync(planId, nameof(Feature), checkout);
        history.Count.ShouldBeGreaterThanOrEqualTo(2);
        history[0].Fields.ShouldContain(f => f.Field == "depends on");
    }

    [Fact]
    public async Task Undo_OfAnAdd_RemovesTheDependency()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var service = test.Get<FeatureDependencyService>();
        var added = await service.AddAsync(planId, checkout, payments);

        var undone = await test.Get<UndoService>().UndoAsync(planId, added.Undo!.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(Messages(undone));
        (await service.ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletedPrerequisite_TheLinkGoesAndComesBackWithRestore()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var service = test.Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);

        (await test.Get<FeatureService>().DeleteAsync(planId, payments)).Succeeded.ShouldBeTrue();
        (await service.ListAsync(planId)).ShouldBeEmpty();

        var trash = test.Get<TrashService>();
        var entry = (await trash.ListAsync(planId)).ShouldHaveSingleItem();
        (await trash.RestoreAsync(planId, entry.Id)).Succeeded.ShouldBeTrue();
        (await service.ListAsync(planId)).ShouldHaveSingleItem().DependsOnTitle.ShouldBe("Payments");
    }

    [Fact]
    public async Task Add_AsViewer_IsRefused()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        test.ActAs(await test.CreateMemberAsync("Vera Viewer", WorkspaceRole.Viewer));

        var result = await test.Get<FeatureDependencyService>().AddAsync(planId, checkout, payments);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task Add_FeatureOfAnotherPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var otherPlan = await test.CreatePlanAsync("Other");
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var elsewhere = await test.CreateFeatureAsync(otherPlan, "Elsewhere");

        var result = await test.Get<FeatureDependencyService>().AddAsync(planId, checkout, elsewhere);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<FeatureDependencyService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoPeopleAddingTheTwoHalvesOfALoopAtOnce_OnlyOneSucceeds()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var checkout = await test.CreateFeatureAsync(planId, "Checkout");
        var payments = await test.CreateFeatureAsync(planId, "Payments");
        var ada = await test.CreateMemberAsync("Ada", WorkspaceRole.Editor);
        var bo = await test.CreateMemberAsync("Bo", WorkspaceRole.Editor);

        var results = await TestDatabase.AllAtOnceAsync<ServiceResult<int>>(
        [
            () => test.GetAs<FeatureDependencyService>(ada).AddAsync(planId, checkout, payments),
            () => test.GetAs<FeatureDependencyService>(bo).AddAsync(planId, payments, checkout),
        ]);

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Status.ShouldBe(ResultStatus.Invalid);
        (await test.Get<FeatureDependencyService>().ListAsync(planId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Readiness_MvpFeatureDependingOnALaterOne_IsAFinding()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var checkout = await test.CreateFeatureAsync(planId, "Checkout", phases[0].Id);
        var payments = await test.CreateFeatureAsync(planId, "Payments", phases[1].Id);
        var search = await test.CreateFeatureAsync(planId, "Search", phases[0].Id);
        var service = test.Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);
        await service.AddAsync(planId, checkout, search);

        var ops = (await test.Get<OperationsService>().GetAsync(planId))!;
        var findings = ReadinessCheck.Evaluate(ops, new DateOnly(2027, 5, 10)).Findings.Where(f => f.Rule == "mvp-depends-outside").ToList();

        findings.ShouldHaveSingleItem().Title.ShouldBe("MVP feature \"Checkout\" depends on \"Payments\", which is not in the MVP");
        findings[0].ItemId.ShouldBe(checkout);
    }
}
