using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A piece of feedback, quoted as given, with its triage state and the problems and features it speaks to.</summary>
public sealed record FeedbackResource(
    int Id,
    string Text,
    FeedbackSource Source,
    LinkedItem? Persona,
    string Organisation,
    string GivenBy,
    DateOnly ReceivedOn,
    FeedbackImportance Importance,
    [property: Description("New waits for triage; Linked counts as evidence; Archived no longer counts.")] FeedbackState State,
    int Version,
    IReadOnlyList<LinkedItem> Problems,
    IReadOnlyList<LinkedItem> Features);

/// <summary>Captured feedback: only the text is needed. It waits as New until someone links it.</summary>
public sealed record FeedbackCreateRequest(
    string Text,
    [property: Description("Where it came from; OfficeHours when left out.")] FeedbackSource? Source,
    [property: Description("Who gave it, as one of the plan's personas (GET /personas), or null.")] int? PersonaId,
    string? Organisation,
    string? GivenBy,
    [property: Description("When it was given; today when left out.")] DateOnly? ReceivedOn,
    [property: Description("Medium when left out.")] FeedbackImportance? Importance);

/// <summary>A piece of feedback's editable fields, all of them. Links and archiving have their own endpoints.</summary>
public sealed record FeedbackUpdateRequest(
    string Text,
    FeedbackSource? Source,
    int? PersonaId,
    string? Organisation,
    string? GivenBy,
    DateOnly? ReceivedOn,
    FeedbackImportance? Importance);

/// <summary>The whole set of problems and features the feedback speaks to. Linking triages a new item; no links puts it back to triage.</summary>
public sealed record FeedbackLinksRequest(
    [property: Description("The problems it speaks to (GET /problems).")] IReadOnlyList<int>? ProblemIds,
    [property: Description("The features it speaks to (GET /features).")] IReadOnlyList<int>? FeatureIds);

/// <summary>How many items wait in each triage state (New is what the app's "to triage" badge shows).</summary>
public sealed record FeedbackCountsResource(int New, int Linked, int Archived);

public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new FeedbackCreateRequest("I'd lend my drill if I knew it came back.", FeedbackSource.Interview, null, "Elm Street residents",
            "Jo", new DateOnly(2026, 11, 28), FeedbackImportance.High));
        ApiExamples.Add(new FeedbackUpdateRequest("I'd lend my drill if I knew it came back on time.", FeedbackSource.Interview, null, "Elm Street residents",
            "Jo", new DateOnly(2026, 11, 28), FeedbackImportance.High));
        ApiExamples.Add(new FeedbackLinksRequest([], []));
        ApiExamples.Add(new FeedbackCountsResource(4, 12, 3));
        ApiExamples.Add(new FeedbackResource(88, "I'd lend my drill if I knew it came back.", FeedbackSource.Interview, new LinkedItem(12, "Lender"),
            "Elm Street residents", "Jo", new DateOnly(2026, 11, 28), FeedbackImportance.High, FeedbackState.Linked, 3,
            [new LinkedItem(8, "Lenders lose track of who has their tools")], [new LinkedItem(33, "Loan reminders")]));

        var feedback = api.MapGroup("/plans/{planId:int}/feedback").WithTags("Feedback");
        feedback.MapGet("/", ListAsync).WithName("ListFeedback")
            .WithSummary("The plan's feedback, newest first, filtered like the feedback page and paged")
            .Produces<ApiPage<FeedbackResource>>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapGet("/counts", CountsAsync).WithName("CountFeedback").WithSummary("How many items wait in each triage state")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPost("/", CaptureAsync).WithName("CaptureFeedback").WithSummary("Capture feedback; it waits as New for triage (editors and owners)")
            .Produces<FeedbackResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapGet("/{feedbackId:int}", GetAsync).WithName("GetFeedback").WithSummary("One piece of feedback, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPut("/{feedbackId:int}", UpdateAsync).WithName("UpdateFeedback").WithSummary("Change a piece of feedback's text and details (If-Match required)")
            .Produces<FeedbackResource>().WithVersionProblems();
        feedback.MapPost("/{feedbackId:int}/links", SetLinksAsync).WithName("LinkFeedback")
            .WithSummary("Triage: set the problems and features the feedback speaks to, as a whole set (If-Match required)")
            .Produces<FeedbackResource>().WithVersionProblems();
        feedback.MapPost("/{feedbackId:int}/archive", (int planId, int feedbackId, HttpContext context, FeedbackService service, CancellationToken ct) =>
                SetArchivedAsync(planId, feedbackId, true, context, service, ct))
            .WithName("ArchiveFeedback").WithSummary("Archive feedback: it leaves triage and stops counting as evidence (If-Match required)")
            .Produces<FeedbackResource>().WithVersionProblems();
        feedback.MapPost("/{feedbackId:int}/unarchive", (int planId, int feedbackId, HttpContext context, FeedbackService service, CancellationToken ct) =>
                SetArchivedAsync(planId, feedbackId, false, context, service, ct))
            .WithName("UnarchiveFeedback").WithSummary("Bring feedback back from the archive, linked as it was (If-Match required)")
            .Produces<FeedbackResource>().WithVersionProblems();
        feedback.MapDelete("/{feedbackId:int}", DeleteAsync).WithName("DeleteFeedback")
            .WithSummary("Move feedback to the plan's trash with its links (If-Match required)")
            .WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> ListAsync(int planId, HttpContext context, FeedbackService service, CancellationToken ct,
        [Description("New (to triage), Linked or Archived; all when left out.")] string? state = null,
        [Description("Interview, OfficeHours, SupportTicket, Survey, Analytics, SalesCall, FeedbackForm or Other.")] string? source = null,
        [Description("Only feedback given by this persona.")] int? personaId = null,
        [Description("Only feedback linked to this problem.")] int? problemId = null,
        [Description("Only feedback linked to this feature.")] int? featureId = null,
        [Description("Words in the text, organisation or giver's name.")] string? search = null,
        [Description("Page number, from 1.")] int? page = null,
        [Description("Items per page, 1 to 200 (default 50).")] int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var wantedState = ParseEnum<FeedbackState>(state, "state", errors);
        var wantedSource = ParseEnum<FeedbackSource>(source, "source", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "Please correct the filter parameters.", title: "Invalid input", type: ApiProblems.TypeOf(400));
        }

        if (!ApiPaging.TryRead(page, pageSize, out var number, out var size, out var problem))
        {
            return problem!;
        }

        var query = new FeedbackQuery
        {
            State = wantedState,
            Source = wantedSource,
            PersonaId = personaId,
            ProblemId = problemId,
            FeatureId = featureId,
            Search = search ?? "",
            Skip = (number - 1) * size,
            Take = size,
        };
        var slice = await service.TryListAsync(planId, query, ct);
        return slice is null
            ? ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.")
            : TypedResults.Ok(ApiPaging.Create<FeedbackResource>(context, [.. slice.Rows.Select(ToResource)], number, size, slice.MatchingCount));
    }

    private static async Task<Results<Ok<FeedbackCountsResource>, ProblemHttpResult>> CountsAsync(int planId, FeedbackService service, CancellationToken ct) =>
        await service.TryCountsAsync(planId, ct) is { } counts
            ? TypedResults.Ok(new FeedbackCountsResource(counts.New, counts.Linked, counts.Archived))
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<FeedbackResource>, ProblemHttpResult>> GetAsync(int planId, int feedbackId, HttpContext context, FeedbackService service,
        CancellationToken ct)
    {
        var item = await service.GetAsync(planId, feedbackId, ct);
        if (item is null)
        {
            return ApiProblems.NotFound("There is no feedback with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(item.Version);
        return TypedResults.Ok(ToResource(item));
    }

    private static async Task<IResult> CaptureAsync(int planId, FeedbackCreateRequest request, HttpContext context, FeedbackService service, CancellationToken ct)
    {
        var created = await service.CaptureAsync(planId, ToInput(request.Text, request.Source, request.PersonaId, request.Organisation, request.GivenBy,
            request.ReceivedOn, request.Importance, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var item = await service.GetAsync(planId, created.Value, ct);
        if (item is null)
        {
            return ApiProblems.NotFound("The feedback was captured but deleted again at once.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(item.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/feedback/{item.Id}", ToResource(item));
    }

    private static async Task<IResult> UpdateAsync(int planId, int feedbackId, FeedbackUpdateRequest request, HttpContext context, FeedbackService service,
        CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, feedbackId, ToInput(request.Text, request.Source, request.PersonaId, request.Organisation, request.GivenBy,
            request.ReceivedOn, request.Importance, version), ct);
        return result.Succeeded ? await GetAsync(planId, feedbackId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> SetLinksAsync(int planId, int feedbackId, FeedbackLinksRequest request, HttpContext context, FeedbackService service,
        CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.SetLinksAsync(planId, feedbackId,
            new FeedbackLinksInput { ProblemIds = request.ProblemIds ?? [], FeatureIds = request.FeatureIds ?? [], Version = version }, ct);
        return result.Succeeded ? await GetAsync(planId, feedbackId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> SetArchivedAsync(int planId, int feedbackId, bool archived, HttpContext context, FeedbackService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.SetArchivedAsync(planId, feedbackId, archived, version, ct);
        return result.Succeeded ? await GetAsync(planId, feedbackId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int feedbackId, HttpContext context, FeedbackService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, feedbackId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    /// <summary>An enum query value by its name (any case); an unknown one is a field error, never silently ignored.</summary>
    private static T? ParseEnum<T>(string? value, string parameter, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, out _) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors[parameter] = [$"Use one of: {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }

    private static FeedbackInput ToInput(string? text, FeedbackSource? source, int? personaId, string? organisation, string? givenBy, DateOnly? receivedOn,
        FeedbackImportance? importance, int version) => new()
    {
        Text = text ?? "",
        Source = source ?? FeedbackSource.OfficeHours,
        PersonaId = personaId,
        Organisation = organisation ?? "",
        GivenBy = givenBy ?? "",
        ReceivedOn = receivedOn?.ToDateTime(TimeOnly.MinValue),
        Importance = importance ?? FeedbackImportance.Medium,
        Version = version,
    };

    private static FeedbackResource ToResource(FeedbackRow f) => new(f.Id, f.Text, f.Source,
        f.PersonaId is { } personaId ? new LinkedItem(personaId, f.PersonaName ?? "") : null,
        f.Organisation, f.GivenBy, f.ReceivedOn, f.Importance, f.State, f.Version, f.Problems, f.Features);
}
