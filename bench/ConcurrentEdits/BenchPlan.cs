using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Bench.ConcurrentEdits;

/// <summary>One editor: a workspace member with a feature nobody else touches.</summary>
internal sealed record EditorAccount(int Number, Caller Caller, int FeatureId, int FeatureVersion);

/// <summary>The plan everyone edits, made by its owner through the app's services before the clock starts.</summary>
internal sealed record BenchPlan(int PlanId, int SharedFeatureId, int SharedFeatureVersion, int PersonaId, IReadOnlyList<EditorAccount> Editors)
{
    public static async Task<BenchPlan> CreateAsync(IServiceProvider root, int editorCount)
    {
        var dbFactory = root.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        var owner = await TestAccounts.CreateUserAsync(dbFactory, "Olivia Owner");
        var workspaceId = await TestAccounts.CreateWorkspaceAsync(dbFactory, "Benchmark workspace", (owner, WorkspaceRole.Owner));

        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SettableCallerAccessor>().Caller = owner;
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var features = scope.ServiceProvider.GetRequiredService<FeatureService>();
        var personas = scope.ServiceProvider.GetRequiredService<PersonaService>();

        var planId = Ok(await plans.CreateAsync(workspaceId, new PlanInput { Name = "Concurrent edits" }));
        var personaId = Ok(await personas.CreateAsync(planId, new PersonaInput { Name = "Bo the borrower" }));
        var sharedId = Ok(await features.CreateAsync(planId, new FeatureInput { Title = "Shared counter", Reach = 0 }));

        // One read and update before the clock starts, so the first timed change does not pay for JIT compilation.
        var warmUpId = Ok(await features.CreateAsync(planId, new FeatureInput { Title = "Warm-up", Reach = 0 }));
        var warmUp = (await features.GetRowAsync(planId, warmUpId))!.ToInput();
        warmUp.Reach = 1;
        Ok(await features.UpdateAsync(planId, warmUpId, warmUp));

        var editors = new List<EditorAccount>();
        for (var number = 1; number <= editorCount; number++)
        {
            var editor = await TestAccounts.CreateUserAsync(dbFactory, $"Editor {number}");
            await TestAccounts.AddMemberAsync(dbFactory, workspaceId, editor, WorkspaceRole.Editor);
            var featureId = Ok(await features.CreateAsync(planId, new FeatureInput { Title = $"Editor {number}'s feature", Reach = 0 }));
            editors.Add(new EditorAccount(number, editor, featureId, (await features.GetRowAsync(planId, featureId))!.Version));
        }

        var sharedVersion = (await features.GetRowAsync(planId, sharedId))!.Version;
        return new BenchPlan(planId, sharedId, sharedVersion, personaId, editors);
    }

    private static int Ok(ServiceResult<int> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Setting up the plan failed: {result.Message}");

    private static void Ok(ServiceResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Setting up the plan failed: {result.Message}");
        }
    }
}
