using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A problem a feature solves, by id and statement.</summary>
public sealed record FeatureProblemRef(int Id, string Statement);

/// <summary>One feature of the backlog, with its priority (RICE, MoSCoW, value and effort size), its place on the roadmap
/// and the version its ETag carries.</summary>
public sealed record FeatureResource(
    int Id, string Title, string Description, string Owner, FeatureStatus Status, Moscow Moscow,
    int? Reach, double? Impact, int? Confidence, double? Effort, double? RiceScore, int? Value, int? EffortSize,
    int? PhaseId, string? PhaseName, int? LaneId, string? LaneName,
    IReadOnlyList<FeatureProblemRef> Problems, IReadOnlyList<int> PersonaIds, bool NeedsOperationalSupport,
    DateOnly? StartDate, DatePrecision StartPrecision, DateOnly? TargetDate, DatePrecision TargetPrecision,
    int EvidenceCount, int Version);

/// <summary>The fields of a feature a create or a full update sends; what is left out becomes empty (or Idea / Unset).</summary>
public interface IFeatureFields
{
    string Title { get; }

    string? Description { get; }

    string? Owner { get; }

    FeatureStatus? Status { get; }

    Moscow? Moscow { get; }

    int? Reach { get; }

    double? Impact { get; }

    int? Confidence { get; }

    double? Effort { get; }

    int? Value { get; }

    int? EffortSize { get; }

    int? PhaseId { get; }

    int? LaneId { get; }

    IReadOnlyList<int>? ProblemIds { get; }

    bool? NeedsOperationalSupport { get; }

    DateOnly? StartDate { get; }

    DatePrecision? StartPrecision { get; }

    DateOnly? TargetDate { get; }

    DatePrecision? TargetPrecision { get; }
}

/// <summary>A new feature. Without a phase it is unscheduled; it goes last in its roadmap cell.</summary>
public sealed record FeatureCreateRequest(
    string Title, string? Description, string? Owner, FeatureStatus? Status, Moscow? Moscow,
    [property: Description("RICE reach: people or events per period.")] int? Reach,
    [property: Description("RICE impact: 0.25, 0.5, 1, 2 or 3.")] double? Impact,
    [property: Description("RICE confidence in percent, 0 to 100.")] int? Confidence,
    [property: Description("RICE effort in person-weeks.")] double? Effort,
    [property: Description("Value for the value-vs-effort view, 1 to 5.")] int? Value,
    [property: Description("Rough effort size for the value-vs-effort view, 1 to 5.")] int? EffortSize,
    [property: Description("The roadmap phase (GET .../phases); null for unscheduled.")] int? PhaseId,
    [property: Description("The roadmap lane (GET .../lanes); null for no lane.")] int? LaneId,
    [property: Description("The problems it solves (GET .../problems).")] IReadOnlyList<int>? ProblemIds,
    bool? NeedsOperationalSupport,
    [property: Description("Its own start; null to take the phase's start.")] DateOnly? StartDate, DatePrecision? StartPrecision,
    [property: Description("Its own target; null to take the phase's end.")] DateOnly? TargetDate, DatePrecision? TargetPrecision) : IFeatureFields;

/// <summary>All of a feature's editable fields: what is left out becomes empty.</summary>
public sealed record FeatureUpdateRequest(
    string Title, string? Description, string? Owner, FeatureStatus? Status, Moscow? Moscow,
    int? Reach, double? Impact, int? Confidence, double? Effort, int? Value, int? EffortSize,
    int? PhaseId, int? LaneId, IReadOnlyList<int>? ProblemIds, bool? NeedsOperationalSupport,
    DateOnly? StartDate, DatePrecision? StartPrecision, DateOnly? TargetDate, DatePrecision? TargetPrecision) : IFeatureFields;

/// <summary>Only the priority of a feature (as edited inline in the backlog): status, MoSCoW, RICE, value and effort size.</summary>
public sealed record FeaturePriorityRequest(
    FeatureStatus Status, Moscow Moscow, int? Reach, double? Impact, int? Confidence, double? Effort, int? Value, int? EffortSize);

/// <summary>Where on the roadmap the feature goes: a phase (null: unscheduled) and a lane (null: no lane), at a position in
/// that cell (0 first; left out: last).</summary>
public sealed record FeatureMoveRequest(int? PhaseId, int? LaneId, int? Index);

public static class FeaturesApi
{
    /// <summary>The sort keys of the list, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> SortKeys = [.. Enum.GetNames<BacklogSort>().Select(n => n.ToLowerInvariant())];

    public static RouteGroupBuilder MapFeaturesApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new FeatureCreateRequest("Loan reminders", "Email both sides a day before the return date.", "Ana", FeatureStatus.Idea, Moscow.Should,
            250, 1, 80, 1, 3, 1, null, null, [], false, null, null, null, null));
        ApiExamples.Add(new FeatureUpdateRequest("Loan reminders", "Email and text both sides a day before the return date.", "Ana", FeatureStatus.Planned, Moscow.Must,
            250, 2, 80, 1.5, 4, 2, null, null, [], false, null, null, null, null));
        ApiExamples.Add(new FeaturePriorityRequest(FeatureStatus.Planned, Moscow.Must, 250, 2, 80, 1.5, 4, 2));
        ApiExamples.Add(new FeatureMoveRequest(null, null, 0));
        ApiExamples.Add(new FeatureResource(12, "Loan reminders", "Email both sides a day before the return date.", "Ana", FeatureStatus.Planned, Moscow.Should,
            250, 1, 80, 1, 200, 3, 1, 4, "MVP", 2, "Development", [new FeatureProblemRef(5, "Borrowers forget to return tools")], [3], false,
            null, DatePrecision.Day, new DateOnly(2026, 6, 1), DatePrecision.Month, 2, 3));

        var features = api.MapGroup("/plans/{planId:int}/features").WithTags("Features");
        features.MapGet("/", ListAsync).WithName("ListFeatures")
            .WithSummary("The plan's features as in the backlog: filtered, sorted and paged")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        features.MapGet("/{featureId:int}", GetAsync).WithName("GetFeature").WithSummary("One feature, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        features.MapPost("/", CreateAsync).WithName("CreateFeature").WithSummary("Add a feature to the plan (editors and owners)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        features.MapPut("/{featureId:int}", UpdateAsync).WithName("UpdateFeature")
            .WithSummary("Change all of a feature's fields (If-Match required)").WithVersionProblems();
        features.MapPost("/{featureId:int}/priority", UpdatePriorityAsync).WithName("SetFeaturePriority")
            .WithSummary("Change a feature's status, MoSCoW, RICE and value/effort only (If-Match required)").WithVersionProblems();
        features.MapPost("/{featureId:int}/move", MoveAsync).WithName("MoveFeature")
            .WithSummary("Move a feature to a roadmap phase and lane, at a position in that cell (If-Match required)").WithVersionProblems();
        features.MapDelete("/{featureId:int}", DeleteAsync).WithName("DeleteFeature")
            .WithSummary("Move a feature to the plan's trash for 30 days (If-Match required)").WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    /// <summary>True when the caller may read the plan: lists of an unknown plan are a 404, not an empty list.</summary>
    internal static async Task<bool> CanReadPlanAsync(PlanWriter writer, int planId, CancellationToken ct)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is not null;
    }

    internal static IResult PlanNotFound() => ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    internal static IResult InvalidQuery(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, "Please correct the query parameters.",
            title: "Invalid input", type: ApiProblems.TypeOf(400));

    /// <summary>An enum value by its name (any case); numbers are not names.</summary>
    internal static bool TryParseName<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] == '-') || !Enum.TryParse<T>(trimmed, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    internal static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    private static async Task<IResult> ListAsync(
        int planId, HttpContext context, FeatureService service, PlanWriter writer, CancellationToken ct,
        [Description("Pages start at 1.")] int? page = null,
        [Description("Features per page, 1 to 200 (default 50).")] int? pageSize = null,
        [Description("Text in the title, description or owner.")] string? search = null,
        [Description("Idea, Planned, InProgress, Shipped or Dropped.")] string? status = null,
        [Description("Must, Should, Could, Wont or Unset.")] string? moscow = null,
        [Description("Only this roadmap phase; 0 for unscheduled features.")] int? phaseId = null,
        [Description("Only this lane; 0 for features without a lane.")] int? laneId = null,
        [Description("Only features solving a problem of this persona.")] int? personaId = null,
        [Description("Only features solving this problem.")] int? problemId = null,
        [Description("With: only features with triaged feedback behind them; without: only those without.")] string? evidence = null,
        [Description("default (the roadmap's order), title, status, moscow, reach, impact, confidence, effort, rice, value, size, phase, lane, owner or evidence.")] string? sort = null,
        [Description("asc (default) or desc.")] string? order = null,
        [Description("true for descending; the same as order=desc.")] bool? desc = null)
    {
        if (!ApiPaging.TryRead(page, pageSize, out var number, out var size, out var pagingProblem))
        {
            return pagingProblem!;
        }

        if (!TryParseName<FeatureStatus>(status, out var statusValue))
        {
            return InvalidQuery("status", $"Unknown status \"{status}\". Use one of: {Names<FeatureStatus>()}.");
        }

        if (!TryParseName<Moscow>(moscow, out var moscowValue))
        {
            return InvalidQuery("moscow", $"Unknown MoSCoW category \"{moscow}\". Use one of: {Names<Moscow>()}.");
        }

        if (!TryParseName<BacklogEvidence>(evidence, out var evidenceValue))
        {
            return InvalidQuery("evidence", $"Unknown evidence choice \"{evidence}\". Use with or without.");
        }

        if (!TryParseName<BacklogSort>(sort, out var sortValue))
        {
            return InvalidQuery("sort", $"Unknown sort key \"{sort}\". Use one of: {string.Join(", ", SortKeys)}.");
        }

        bool descending;
        switch (order?.Trim().ToLowerInvariant())
        {
            case null or "":
                descending = desc ?? false;
                break;
            case "asc" or "desc" when desc is not null && desc != (order.Trim().ToLowerInvariant() == "desc"):
                return InvalidQuery("order", "order and desc say different things; send one of them.");
            case "asc":
                descending = false;
                break;
            case "desc":
                descending = true;
                break;
            default:
                return InvalidQuery("order", $"Unknown order \"{order}\". Use asc or desc.");
        }

        var filter = new BacklogFilter
        {
            Search = search ?? "",
            Status = statusValue,
            Moscow = moscowValue,
            PhaseId = phaseId,
            LaneId = laneId,
            PersonaId = personaId,
            ProblemId = problemId,
            Evidence = evidenceValue,
        };
        var slice = await service.QueryAsync(planId,
            new BacklogQuery { Filter = filter, Sort = sortValue ?? BacklogSort.Default, Descending = descending, Skip = (number - 1) * size, Take = size }, ct);
        if (slice.PlanCount == 0 && !await CanReadPlanAsync(writer, planId, ct))
        {
            return PlanNotFound();
        }

        return TypedResults.Ok(ApiPaging.Create(context, [.. slice.Rows.Select(ToResource)], number, size, slice.MatchingCount));
    }

    private static async Task<Results<Ok<FeatureResource>, ProblemHttpResult>> GetAsync(int planId, int featureId, HttpContext context, FeatureService service, CancellationToken ct)
    {
        var row = await service.GetRowAsync(planId, featureId, ct);
        if (row is null)
        {
            return ApiProblems.NotFound("There is no feature with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(row.Version);
        return TypedResults.Ok(ToResource(row));
    }

    private static async Task<IResult> CreateAsync(int planId, FeatureCreateRequest request, HttpContext context, FeatureService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(planId, ToInput(request, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var row = (await service.GetRowAsync(planId, created.Value, ct))!;
        context.Response.Headers.ETag = ApiVersions.ETag(row.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/features/{row.Id}", ToResource(row));
    }

    private static async Task<IResult> UpdateAsync(int planId, int featureId, FeatureUpdateRequest request, HttpContext context, FeatureService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, featureId, ToInput(request, version), ct);
        return result.Succeeded ? await GetAsync(planId, featureId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> UpdatePriorityAsync(int planId, int featureId, FeaturePriorityRequest request, HttpContext context, FeatureService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdatePriorityAsync(planId, featureId, new FeaturePriorityInput
        {
            Status = request.Status,
            Moscow = request.Moscow,
            Reach = request.Reach,
            Impact = request.Impact,
            Confidence = request.Confidence,
            Effort = request.Effort,
            Value = request.Value,
            EffortSize = request.EffortSize,
            Version = version,
        }, ct);
        return result.Succeeded ? await GetAsync(planId, featureId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> MoveAsync(int planId, int featureId, FeatureMoveRequest request, HttpContext context, RoadmapService roadmap,
        FeatureService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        if (request.Index is < 0)
        {
            return InvalidQuery("index", "The position in the cell starts at 0; leave it out to put the feature last.");
        }

        var result = await roadmap.MoveFeatureAsync(planId, featureId, request.PhaseId, request.LaneId, request.Index ?? int.MaxValue, version, ct);
        return result.Succeeded ? await GetAsync(planId, featureId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int featureId, HttpContext context, FeatureService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, featureId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static FeatureInput ToInput(IFeatureFields request, int version) => new()
    {
        Title = request.Title ?? "",
        Description = request.Description ?? "",
        Owner = request.Owner ?? "",
        Status = request.Status ?? FeatureStatus.Idea,
        Moscow = request.Moscow ?? Moscow.Unset,
        Reach = request.Reach,
        Impact = request.Impact,
        Confidence = request.Confidence,
        Effort = request.Effort,
        Value = request.Value,
        EffortSize = request.EffortSize,
        PhaseId = request.PhaseId,
        LaneId = request.LaneId,
        ProblemIds = [.. request.ProblemIds ?? []],
        NeedsOperationalSupport = request.NeedsOperationalSupport ?? false,
        StartDate = FeatureDates.ToDateTime(request.StartDate),
        StartPrecision = request.StartPrecision ?? DatePrecision.Day,
        TargetDate = FeatureDates.ToDateTime(request.TargetDate),
        TargetPrecision = request.TargetPrecision ?? DatePrecision.Day,
        Version = version,
    };

    internal static FeatureResource ToResource(FeatureRow row) =>
        new(row.Id, row.Title, row.Description, row.Owner, row.Status, row.Moscow,
            row.Reach, row.Impact, row.Confidence, row.Effort, row.RiceScore, row.Value, row.EffortSize,
            row.PhaseId, row.PhaseName, row.LaneId, row.LaneName,
            [.. row.Problems.Select(p => new FeatureProblemRef(p.Id, p.Name))], row.PersonaIds, row.NeedsOperationalSupport,
            row.StartDate, row.StartPrecision, row.TargetDate, row.TargetPrecision, row.EvidenceCount, row.Version);
}
