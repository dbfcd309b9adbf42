using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace MvpPlanner.Web.Features.Api;

/// <summary>Each item's ETag is its version token (<c>"7"</c>). A change or delete must say which version it is based
/// on with <c>If-Match</c>, so a script never overwrites a change it has not seen: 428 without it, 412 when stale.</summary>
public static class ApiVersions
{
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Sets the item's ETag on the response and returns the item, for a 200 with body.</summary>
    public static IResult WithETag<T>(HttpContext context, T item, int version)
    {
        context.Response.Headers.ETag = ETag(version);
        return TypedResults.Ok(item);
    }

    /// <summary>The version an <c>If-Match</c> header names; otherwise the problem to send back instead.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int version, out IResult? problem)
    {
        version = 0;
        problem = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            problem = ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send the item's ETag in If-Match (from the response that gave you the item), so a change made by someone else meanwhile is not overwritten.");
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count != 1 || tags[0].Equals(EntityTagHeaderValue.Any)
            || !int.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid If-Match",
                "If-Match must be exactly one ETag as this API sent it, such as \"7\" with the quotes. \"*\" is not accepted.");
            return false;
        }

        return true;
    }
}
