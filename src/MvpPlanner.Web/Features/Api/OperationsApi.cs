using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Web.Features.Api;

/// <summary>How ready the operation behind the MVP is: a score out of 100 and the open findings, most severe first.</summary>
/// <param name="IsReady">True when no finding is more than low severity.</param>
public sealed record ReadinessResource(int Score, bool IsReady, IReadOnlyList<ReadinessFindingResource> Findings);

/// <summary>One finding of the readiness check, with where in the operation it is fixed and the item it is about, if any.</summary>
public sealed record ReadinessFindingResource(
    [property: Description("A stable code for the rule, such as process-without-owner.")] string Rule,
    FindingSeverity Severity,
    string Title,
    string Explanation,
    FixArea Area,
    [property: Description("The process, stage, commitment, feature or KPI it is about; null for the plan as a whole.")] int? ItemId);

/// <summary>The core promise (the plan's value proposition) and the commitments derived from it, with the processes that keep each.</summary>
public sealed record PromiseResource(string CorePromise, IReadOnlyList<CommitmentResource> Commitments);

public sealed record CommitmentResource(int Id, string Text, [property: Description("The names of the core processes that keep it.")] IReadOnlyList<string> KeptBy, int Version);

/// <summary>A stage of the customer journey, in order.</summary>
public sealed record JourneyStageResource(int Id, string Name, int Order, string Touchpoints, string InternalActions, int Version);

/// <summary>A role in the operation and who holds it.</summary>
public sealed record OperationRoleResource(int Id, string Name, string Holder, [property: Description("The role with its holder, as the app shows it.")] string Label, int Version);

/// <summary>A "good enough" core process: its stage, owner, steps, tools, the features it supports and the promises it keeps.</summary>
public sealed record CoreProcessResource(
    int Id,
    string Name,
    LinkedItem? Stage,
    LinkedItem? OwnerRole,
    [property: Description("The checklist, one step per item.")] IReadOnlyList<string> Steps,
    [property: Description("Seen by the customer (frontstage) or not (backstage).")] bool IsFrontstage,
    Automation Automation,
    bool HasRunManually,
    bool KeepsCorePromise,
    IReadOnlyList<LinkedItem> Commitments,
    IReadOnlyList<LinkedItem> Tools,
    IReadOnlyList<LinkedItem> Features,
    int Version);

/// <summary>An essential tool of the operation and what it costs a month.</summary>
public sealed record EssentialToolResource(int Id, string Name, string Category, decimal MonthlyCost, int Version);

/// <summary>A KPI with its latest measurement and when it is next reviewed.</summary>
public sealed record KpiResource(
    int Id,
    string Name,
    string Unit,
    KpiDirection Direction,
    decimal? Target,
    LinkedItem? OwnerRole,
    ReviewCadence Cadence,
    KpiMeasurementResource? Latest,
    [property: Description("Whether the latest measurement meets the target; null without either.")] bool? OnTarget,
    int MeasurementCount,
    DateOnly? LastReview,
    DateOnly? NextReviewDue,
    int Version);

public sealed record KpiMeasurementResource(DateOnly MeasuredOn, decimal Value, string Note);

/// <summary>The minimum viable operation, read-only: readiness, the promise, journey, processes, tools, roles and KPIs.
/// Changes are made in the app.</summary>
public static class OperationsApi
{
    private const string NoPlan = "There is no plan with this id in the workspaces the token reaches.";

    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new ReadinessFindingResource("process-without-owner", FindingSeverity.High, "\"Handle a borrow request\" has no owner",
            "Give every process a single owner who makes sure it runs and flags when it breaks.", FixArea.Processes, 14));
        ApiExamples.Add(new ReadinessResource(85, false, [new ReadinessFindingResource("process-without-owner", FindingSeverity.High,
            "\"Handle a borrow request\" has no owner", "Give every process a single owner who makes sure it runs and flags when it breaks.", FixArea.Processes, 14)]));
        ApiExamples.Add(new CommitmentResource(3, "We answer every borrow request within a day.", ["Handle a borrow request"], 1));
        ApiExamples.Add(new PromiseResource("Tools when you need them, two streets away.",
            [new CommitmentResource(3, "We answer every borrow request within a day.", ["Handle a borrow request"], 1)]));
        ApiExamples.Add(new JourneyStageResource(21, "Onboarding", 2, "Welcome email, first borrow", "Check the lender's address", 1));
        ApiExamples.Add(new OperationRoleResource(6, "Support lead", "Ana", "Support lead (Ana)", 1));
        ApiExamples.Add(new CoreProcessResource(14, "Handle a borrow request", new LinkedItem(21, "Onboarding"), new LinkedItem(6, "Support lead (Ana)"),
            ["Read the request", "Check the dates with the lender", "Confirm to both"], true, Automation.Manual, true, false,
            [new LinkedItem(3, "We answer every borrow request within a day.")], [new LinkedItem(9, "Shared inbox")],
            [new LinkedItem(32, "Borrow request and approval")], 2));
        ApiExamples.Add(new EssentialToolResource(9, "Shared inbox", "Support", 12, 1));
        ApiExamples.Add(new KpiMeasurementResource(new DateOnly(2026, 11, 30), 30, "First week"));
        ApiExamples.Add(new KpiResource(4, "Support response time", "hours", KpiDirection.LowerIsBetter, 24, new LinkedItem(6, "Support lead (Ana)"),
            ReviewCadence.Weekly, new KpiMeasurementResource(new DateOnly(2026, 11, 30), 30, "First week"), false, 1, null, new DateOnly(2026, 12, 7), 1));

        var plan = api.MapGroup("/plans/{planId:int}");
        plan.MapGet("/readiness", ReadinessAsync).WithTags("Readiness").WithName("GetReadiness")
            .WithSummary("The readiness check of the operation behind the MVP: score and open findings, most severe first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var operation = plan.MapGroup("").WithTags("Operation");
        operation.MapGet("/promise", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Promise, ct))
            .WithName("GetPromise").WithSummary("The core promise and the commitments derived from it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/journey-stages", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Stages, ct))
            .WithName("ListJourneyStages").WithSummary("The customer journey's stages, in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/journey-stages/{stageId:int}", (int planId, int stageId, HttpContext context, OperationsService service, CancellationToken ct) =>
                ReadOneAsync(planId, context, service, ops => Stages(ops).FirstOrDefault(s => s.Id == stageId), s => s.Version, ct))
            .WithName("GetJourneyStage").WithSummary("One journey stage, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/core-processes", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Processes, ct))
            .WithName("ListCoreProcesses").WithSummary("The core processes, by name, with their stage, owner role, steps and tools")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/core-processes/{processId:int}", (int planId, int processId, HttpContext context, OperationsService service, CancellationToken ct) =>
                ReadOneAsync(planId, context, service, ops => Processes(ops).FirstOrDefault(p => p.Id == processId), p => p.Version, ct))
            .WithName("GetCoreProcess").WithSummary("One core process, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/tools", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Tools, ct))
            .WithName("ListEssentialTools").WithSummary("The essential tools, by name, with their monthly cost")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/tools/{toolId:int}", (int planId, int toolId, HttpContext context, OperationsService service, CancellationToken ct) =>
                ReadOneAsync(planId, context, service, ops => Tools(ops).FirstOrDefault(t => t.Id == toolId), t => t.Version, ct))
            .WithName("GetEssentialTool").WithSummary("One essential tool, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/roles", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Roles, ct))
            .WithName("ListOperationRoles").WithSummary("The roles in the operation and who holds them")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/roles/{roleId:int}", (int planId, int roleId, HttpContext context, OperationsService service, CancellationToken ct) =>
                ReadOneAsync(planId, context, service, ops => Roles(ops).FirstOrDefault(r => r.Id == roleId), r => r.Version, ct))
            .WithName("GetOperationRole").WithSummary("One role, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/kpis", (int planId, OperationsService service, CancellationToken ct) => ReadAsync(planId, service, Kpis, ct))
            .WithName("ListKpis").WithSummary("The KPIs with their latest measurement, target and review cadence")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operation.MapGet("/kpis/{kpiId:int}", (int planId, int kpiId, HttpContext context, OperationsService service, CancellationToken ct) =>
                ReadOneAsync(planId, context, service, ops => Kpis(ops).FirstOrDefault(k => k.Id == kpiId), k => k.Version, ct))
            .WithName("GetKpi").WithSummary("One KPI with its latest measurement, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ReadinessResource>, ProblemHttpResult>> ReadinessAsync(int planId, ReadinessService service, CancellationToken ct) =>
        await service.CheckAsync(planId, ct) is { } report
            ? TypedResults.Ok(new ReadinessResource(report.Score, report.IsReady,
                [.. report.Findings.Select(f => new ReadinessFindingResource(f.Rule, f.Severity, f.Title, f.Explanation, f.Area, f.ItemId))]))
            : ApiProblems.NotFound(NoPlan);

    /// <summary>The operation as the operations pages read it (one read of the whole operation), shaped for one answer.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(int planId, OperationsService service, Func<OperationsView, T> shape, CancellationToken ct) =>
        await service.GetAsync(planId, ct) is { } ops ? TypedResults.Ok(shape(ops)) : ApiProblems.NotFound(NoPlan);

    private static async Task<Results<Ok<T>, ProblemHttpResult>> ReadOneAsync<T>(int planId, HttpContext context, OperationsService service,
        Func<OperationsView, T?> find, Func<T, int> version, CancellationToken ct)
        where T : class
    {
        if ((await service.GetAsync(planId, ct)) is not { } ops || find(ops) is not { } item)
        {
            return ApiProblems.NotFound("There is no such item in this plan's operation, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(version(item));
        return TypedResults.Ok(item);
    }

    private static PromiseResource Promise(OperationsView ops) =>
        new(ops.CorePromise, [.. ops.Commitments.Select(c => new CommitmentResource(c.Id, c.Text, c.KeptBy, c.Version))]);

    private static IReadOnlyList<JourneyStageResource> Stages(OperationsView ops) =>
        [.. ops.Stages.Select(s => new JourneyStageResource(s.Id, s.Name, s.Order, s.Touchpoints, s.InternalActions, s.Version))];

    private static IReadOnlyList<CoreProcessResource> Processes(OperationsView ops)
    {
        var stages = ops.Stages.ToDictionary(s => s.Id, s => s.Name);
        var commitments = ops.Commitments.ToDictionary(c => c.Id, c => c.Text);
        var tools = ops.Tools.ToDictionary(t => t.Id, t => t.Name);
        var features = ops.Features.ToDictionary(f => f.Id, f => f.Title);
        return [.. ops.Processes.Select(p => new CoreProcessResource(p.Id, p.Name,
            p.StageId is { } stageId && stages.TryGetValue(stageId, out var stage) ? new LinkedItem(stageId, stage) : null,
            RoleOf(ops, p.OwnerRoleId), p.StepList, p.IsFrontstage, p.Automation, p.HasRunManually, p.KeepsCorePromise,
            Named(p.CommitmentIds, commitments), Named(p.ToolIds, tools), Named(p.FeatureIds, features), p.Version))];
    }

    private static IReadOnlyList<EssentialToolResource> Tools(OperationsView ops) =>
        [.. ops.Tools.Select(t => new EssentialToolResource(t.Id, t.Name, t.Category, t.MonthlyCost, t.Version))];

    private static IReadOnlyList<OperationRoleResource> Roles(OperationsView ops) =>
        [.. ops.Roles.Select(r => new OperationRoleResource(r.Id, r.Name, r.Holder, r.Label, r.Version))];

    private static IReadOnlyList<KpiResource> Kpis(OperationsView ops) =>
        [.. ops.Kpis.Select(k => new KpiResource(k.Id, k.Name, k.Unit, k.Direction, k.Target, RoleOf(ops, k.OwnerRoleId), k.Cadence,
            k.Latest is { } latest ? new KpiMeasurementResource(latest.MeasuredOn, latest.Value, latest.Note) : null,
            k.OnTarget, k.Measurements.Count, k.LastReview, k.NextReviewDue, k.Version))];

    private static LinkedItem? RoleOf(OperationsView ops, int? roleId) =>
        ops.Roles.FirstOrDefault(r => r.Id == roleId) is { } role ? new LinkedItem(role.Id, role.Label) : null;

    private static IReadOnlyList<LinkedItem> Named(IReadOnlyList<int> ids, Dictionary<int, string> names) =>
        [.. ids.Where(names.ContainsKey).Select(id => new LinkedItem(id, names[id]))];
}
