using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Features.Api;

/// <summary>Every API error is an RFC 9457 problem (<c>application/problem+json</c>): a title, the status, a detail a
/// person can act on, and for invalid input the field errors (<c>errors</c>: field → messages).</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The problem types are the HTTP statuses themselves, linked to their definitions (as ASP.NET Core does);
    /// what each means in this API is in docs/api.md.</summary>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeOf(status));

    /// <summary>A refused service call as its HTTP problem. A version conflict is 412 when the caller said which version it
    /// changed (If-Match), otherwise 409.</summary>
    public static IResult From(ServiceResult result, bool versionChecked = true) => result.Status switch
    {
        ResultStatus.Invalid when result.Errors.Count > 0 => TypedResults.ValidationProblem(
            result.Errors.ToDictionary(e => ApiFieldName(e.Key), e => e.Value), result.Message, title: "Invalid input", type: TypeOf(400)),
        ResultStatus.Invalid => Problem(StatusCodes.Status400BadRequest, "Invalid input", result.Message ?? "The request is not valid."),
        ResultStatus.NotFound when result.Errors.Count > 0 => TypedResults.ValidationProblem(
            result.Errors.ToDictionary(e => ApiFieldName(e.Key), e => e.Value), result.Message, title: "Invalid input", type: TypeOf(400)),
        ResultStatus.NotFound => NotFound(result.Message),
        ResultStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", result.Message ?? "You may not do this."),
        ResultStatus.Conflict when versionChecked => Problem(StatusCodes.Status412PreconditionFailed, "Changed by someone else",
            (result.Message ?? "The item was changed meanwhile.") + " Get it again for its current ETag, then send your change with that."),
        ResultStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", result.Message ?? "Someone else changed this at the same moment."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Error", "Something went wrong."),
    };

    public static ProblemHttpResult NotFound(string? detail = null) =>
        Problem(StatusCodes.Status404NotFound, "Not found", detail ?? "There is nothing at this address, or the token does not reach it.");

    /// <summary>Field names as the API's JSON spells them (camelCase, nested paths kept).</summary>
    public static string ApiFieldName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>Writes a problem straight to the response, for middleware (authentication, status codes, errors).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails { Type = TypeOf(status), Title = title, Status = status, Detail = detail, Instance = context.Request.Path },
            (System.Text.Json.JsonSerializerOptions?)null, ContentType, context.RequestAborted);
    }

    /// <summary>For an API response that has a status but no body yet (no route, wrong method, too large).</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        return status switch
        {
            StatusCodes.Status400BadRequest => WriteBadRequestAsync(context.HttpContext),
            StatusCodes.Status404NotFound => WriteAsync(context.HttpContext, status, "Not found", "There is no API endpoint at this address. See /openapi/v1.json for the list."),
            StatusCodes.Status405MethodNotAllowed => WriteAsync(context.HttpContext, status, "Method not allowed", "This address does not take this HTTP method. See /openapi/v1.json."),
            StatusCodes.Status413PayloadTooLarge => WriteAsync(context.HttpContext, status, "Too large", "The request body is larger than the API accepts."),
            StatusCodes.Status415UnsupportedMediaType => WriteAsync(context.HttpContext, status, "Unsupported media type", "Send JSON with Content-Type: application/json."),
            _ => WriteAsync(context.HttpContext, status, "Error", "The request could not be completed."),
        };
    }

    /// <summary>An unexpected error: the log has it, with the request's trace id; the caller gets that id and no stack trace.</summary>
    public static Task WriteErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest })
        {
            return WriteBadRequestAsync(context);
        }

        if (error is BadHttpRequestException bad)
        {
            return WriteAsync(context, bad.StatusCode, "Bad request", "The request could not be read. Send JSON matching the schema in /openapi/v1.json.");
        }

        return WriteAsync(context, StatusCodes.Status500InternalServerError, "Error",
            $"Something went wrong on the server. It is logged; mention trace id {context.TraceIdentifier} when you report it.");
    }

    /// <summary>A request refused before it reached the endpoint's code: a query value that is not of its parameter's
    /// type (named, with what it should be), or a body that is not JSON of the operation's shape.</summary>
    private static Task WriteBadRequestAsync(HttpContext context)
    {
        var errors = UnreadableQueryValues(context);
        if (errors.Count == 0)
        {
            return WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request",
                "The request body is not JSON of the shape this operation takes, or a required value is missing. The schema is in /openapi/v1.json.");
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(
            new HttpValidationProblemDetails(errors)
            {
                Type = TypeOf(StatusCodes.Status400BadRequest), Title = "Invalid input", Status = StatusCodes.Status400BadRequest,
                Detail = "Please correct the query parameters.", Instance = context.Request.Path,
            },
            (System.Text.Json.JsonSerializerOptions?)null, ContentType, context.RequestAborted);
    }

    /// <summary>The endpoint's query parameters whose values do not parse as their types, as minimal APIs read them.</summary>
    private static Dictionary<string, string[]> UnreadableQueryValues(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var parameters = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var parameter in parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!context.Request.Query.TryGetValue(parameter.Name, out var values) || values.ToString() is not { Length: > 0 } raw
                || Expectation(type, raw) is not { } expected)
            {
                continue;
            }

            var shown = raw.Length > 40 ? string.Concat(raw.AsSpan(0, 40), "…") : raw;
            errors[parameter.Name] = [$"{expected}; \"{shown}\" is not one."];
        }

        return errors;
    }

    /// <summary>What a value of this type looks like, when <paramref name="raw"/> is not one; null when it is (or the type
    /// is one this cannot judge).</summary>
    private static string? Expectation(Type type, string raw)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) =>
                long.TryParse(raw, System.Globalization.NumberStyles.Integer, invariant, out _) ? null : "Use a whole number, such as 2",
            _ when type == typeof(double) || type == typeof(decimal) =>
                decimal.TryParse(raw, System.Globalization.NumberStyles.Float, invariant, out _) ? null : "Use a number with a decimal point, such as 2.5",
            _ when type == typeof(bool) => bool.TryParse(raw, out _) ? null : "Use true or false",
            _ when type == typeof(DateOnly) => DateOnly.TryParse(raw, invariant, out _) ? null : "Use a date as yyyy-mm-dd, such as 2027-03-01",
            { IsEnum: true } => Enum.TryParse(type, raw, ignoreCase: true, out _) ? null : $"Use one of {string.Join(", ", Enum.GetNames(type))}",
            _ => null,
        };
    }
}
