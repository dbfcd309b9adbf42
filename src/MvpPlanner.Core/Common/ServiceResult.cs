using FluentValidation.Results;

namespace MvpPlanner.Core.Common;

public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>What a service says back: success with a value, or an outcome the UI can show
/// (field errors beside the fields, "changed by someone else", "not found").</summary>
public class ServiceResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    protected ServiceResult(ResultStatus status, string? message, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        Message = message;
        Errors = errors ?? NoErrors;
    }

    public ResultStatus Status { get; }

    public string? Message { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Status == ResultStatus.Ok;

    /// <summary>Set by the write path when the action changed something: the confirmation offers Undo with it.</summary>
    public UndoOffer? Undo { get; internal set; }

    public static ServiceResult Ok(string? message = null) => new(ResultStatus.Ok, message, null);

    public static ServiceResult NotFound(string what) => new(ResultStatus.NotFound, $"{what} was not found. It may have been deleted by someone else.", null);

    public static ServiceResult Conflict(string what) => new(ResultStatus.Conflict, $"{what} was changed by someone else while you were editing. Reload to see their change, then apply yours again.", null);

    /// <summary>A move computed from positions someone else changed at the same moment: not saved, nothing overwritten.</summary>
    public static ServiceResult OrderChanged() =>
        new(ResultStatus.Conflict, "Someone else moved items here at the same moment, so your move was not saved. Check the order and move it again.", null);

    public static ServiceResult Forbidden(string message) => new(ResultStatus.Forbidden, message, null);

    /// <summary>Something the save links to (a stage, a problem, a phase) was deleted by someone else meanwhile.</summary>
    public static ServiceResult LinkGone() =>
        new(ResultStatus.Invalid, "Something you chose was deleted by someone else meanwhile. Check your choices and save again.", null);

    public static ServiceResult Invalid(ValidationResult validation) => new(ResultStatus.Invalid, "Please correct the highlighted fields.", ToErrors(validation));

    /// <summary>A chosen link target (the phase a card is moved into) is gone: "not found", told beside its field.</summary>
    public static ServiceResult NotFound(string field, string message) =>
        new(ResultStatus.NotFound, message, new Dictionary<string, string[]> { [field] = [message] });

    public static ServiceResult Invalid(string field, string message) =>
        new(ResultStatus.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Several problems with one field (a file), summed up in <paramref name="summary"/>.</summary>
    public static ServiceResult Invalid(string field, IReadOnlyList<string> messages, string summary) =>
        new(ResultStatus.Invalid, summary, new Dictionary<string, string[]> { [field] = [.. messages] });

    protected static IReadOnlyDictionary<string, string[]> ToErrors(ValidationResult validation) =>
        validation.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}

public sealed class ServiceResult<T> : ServiceResult
{
    private ServiceResult(ResultStatus status, T? value, string? message, IReadOnlyDictionary<string, string[]>? errors)
        : base(status, message, errors) => Value = value;

    public T? Value { get; }

    public static ServiceResult<T> Ok(T value, string? message = null) => new(ResultStatus.Ok, value, message, null);

    /// <summary>A refusal that still carries what the UI needs to show (the conflicting fields of an undo).</summary>
    public static ServiceResult<T> Refused(ResultStatus status, T value, string message) => new(status, value, message, null);

    /// <summary>The same outcome typed for a caller that expects a value: the value when it succeeded with one.</summary>
    public static ServiceResult<T> From(ServiceResult result) => result is ServiceResult<T> typed
        ? typed
        : new(result.Status, default, result.Message, result.Errors) { Undo = result.Undo };

    public static implicit operator ServiceResult<T>(FailedResult failed) => new(failed.Result.Status, default, failed.Result.Message, failed.Result.Errors);
}

/// <summary>The action <paramref name="ChangeSetId"/> changed plan <paramref name="PlanId"/>; Undo takes it back.</summary>
public sealed record UndoOffer(int PlanId, Guid ChangeSetId);

/// <summary>Lets a method returning <see cref="ServiceResult{T}"/> return any failure: <c>return Fail.NotFound("Persona")</c>.</summary>
public readonly record struct FailedResult(ServiceResult Result);

public static class Fail
{
    public static FailedResult NotFound(string what) => new(ServiceResult.NotFound(what));

    public static FailedResult Conflict(string what) => new(ServiceResult.Conflict(what));

    public static FailedResult Forbidden(string message) => new(ServiceResult.Forbidden(message));

    public static FailedResult Invalid(ValidationResult validation) => new(ServiceResult.Invalid(validation));

    public static FailedResult Invalid(string field, string message) => new(ServiceResult.Invalid(field, message));

    public static FailedResult From(ServiceResult result) => new(result);
}
