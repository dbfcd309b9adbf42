using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Web.Features.Api;

/// <summary>"Feature <c>featureId</c> needs feature <c>dependsOnId</c> first." <c>isEarly</c>: it is planned to start before
/// the one it needs is done (<c>warning</c> then says so in words).</summary>
public sealed record DependencyResource(int FeatureId, string FeatureTitle, int DependsOnId, string DependsOnTitle, bool IsEarly, string? Warning);

/// <summary>A feature at the other end of a dependency.</summary>
public sealed record DependencyFeatureRef(int Id, string Title, FeatureStatus Status, bool IsEarly);

/// <summary>What one feature needs first, what needs it, and the features it could still depend on without making a loop.</summary>
public sealed record FeatureDependenciesResource(int FeatureId, string Title, IReadOnlyList<DependencyFeatureRef> DependsOn,
    IReadOnlyList<DependencyFeatureRef> NeededBy, IReadOnlyList<FeatureProblemRef> Candidates);

/// <summary>Makes the feature in the address depend on another feature of the plan.</summary>
public sealed record DependencyCreateRequest([property: Description("The feature it needs first.")] int DependsOnId);

public static class DependenciesApi
{
    public static RouteGroupBuilder MapDependenciesApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new DependencyCreateRequest(0));
        ApiExamples.Add(new DependencyResource(12, "Loan reminders", 9, "Borrow request and approval", false, null));
        ApiExamples.Add(new FeatureDependenciesResource(12, "Loan reminders",
            [new DependencyFeatureRef(9, "Borrow request and approval", FeatureStatus.Planned, false)], [], [new FeatureProblemRef(10, "Ratings after each loan")]));

        var plan = api.MapGroup("/plans/{planId:int}").WithTags("Dependencies");
        plan.MapGet("/dependencies", ListAsync).WithName("ListDependencies")
            .WithSummary("Every dependency between the plan's features, with those planned out of order marked")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapGet("/features/{featureId:int}/dependencies", GetForFeatureAsync).WithName("GetFeatureDependencies")
            .WithSummary("What one feature needs first, what needs it, and what it could still depend on")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapGet("/features/{featureId:int}/dependencies/{dependsOnId:int}", GetAsync).WithName("GetDependency")
            .WithSummary("One dependency: the feature needs the other first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapPost("/features/{featureId:int}/dependencies", AddAsync).WithName("AddDependency")
            .WithSummary("Make the feature depend on another one (a loop is refused, naming it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapDelete("/features/{featureId:int}/dependencies/{dependsOnId:int}", RemoveAsync).WithName("RemoveDependency")
            .WithSummary("Remove a dependency").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<DependencyResource>>, ProblemHttpResult>> ListAsync(
        int planId, FeatureDependencyService service, PlanWriter writer, CancellationToken ct)
    {
        var dependencies = await service.ListAsync(planId, ct);
        if (dependencies.Count == 0 && !await FeaturesApi.CanReadPlanAsync(writer, planId, ct))
        {
            return ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");
        }

        return TypedResults.Ok<IReadOnlyList<DependencyResource>>([.. dependencies.Select(ToResource)]);
    }

    private static async Task<Results<Ok<FeatureDependenciesResource>, ProblemHttpResult>> GetForFeatureAsync(
        int planId, int featureId, FeatureDependencyService service, CancellationToken ct)
    {
        var dependencies = await service.GetAsync(planId, featureId, ct);
        if (dependencies is null)
        {
            return ApiProblems.NotFound("There is no feature with this id in this plan, or the token does not reach the plan.");
        }

        static DependencyFeatureRef Ref(DependencyLink link) => new(link.Id, link.Title, link.Status, link.IsEarly);
        return TypedResults.Ok(new FeatureDependenciesResource(dependencies.FeatureId, dependencies.Title,
            [.. dependencies.DependsOn.Select(Ref)], [.. dependencies.NeededBy.Select(Ref)],
            [.. dependencies.Candidates.Select(c => new FeatureProblemRef(c.Id, c.Name))]));
    }

    private static async Task<Results<Ok<DependencyResource>, ProblemHttpResult>> GetAsync(
        int planId, int featureId, int dependsOnId, FeatureDependencyService service, CancellationToken ct)
    {
        var dependency = (await service.ListAsync(planId, ct)).FirstOrDefault(d => d.FeatureId == featureId && d.DependsOnId == dependsOnId);
        return dependency is null
            ? ApiProblems.NotFound("The feature does not depend on that one, or the token does not reach the plan.")
            : TypedResults.Ok(ToResource(dependency));
    }

    private static async Task<IResult> AddAsync(int planId, int featureId, DependencyCreateRequest request, FeatureDependencyService service, CancellationToken ct)
    {
        var added = await service.AddAsync(planId, featureId, request.DependsOnId, ct);
        if (!added.Succeeded)
        {
            return ApiProblems.From(added, versionChecked: false);
        }

        var dependency = (await service.ListAsync(planId, ct)).First(d => d.FeatureId == featureId && d.DependsOnId == request.DependsOnId);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/features/{featureId}/dependencies/{request.DependsOnId}", ToResource(dependency));
    }

    private static async Task<IResult> RemoveAsync(int planId, int featureId, int dependsOnId, FeatureDependencyService service, CancellationToken ct)
    {
        var removed = await service.RemoveAsync(planId, featureId, dependsOnId, ct);
        if (removed.Succeeded)
        {
            return TypedResults.NoContent();
        }

        // The address names the dependency: one that is not there is not found, not invalid input.
        return removed.Status == ResultStatus.Invalid && removed.Errors.ContainsKey(FeatureDependencyService.DependsOnField)
            ? ApiProblems.NotFound("The feature does not depend on that one (any more).")
            : ApiProblems.From(removed, versionChecked: false);
    }

    private static DependencyResource ToResource(PlanDependency d) =>
        new(d.FeatureId, d.FeatureTitle, d.DependsOnId, d.DependsOnTitle, d.IsEarly, d.IsEarly ? d.Warning : null);
}
