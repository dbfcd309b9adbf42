using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace MvpPlanner.Web.Features.Api;

/// <summary>One page of a list, with the total and links to its neighbours (also sent as an RFC 8288 <c>Link</c> header).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, ApiPageLinks Links);

public sealed record ApiPageLinks(string Self, string First, string? Prev, string? Next, string Last);

public static class ApiPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The page asked for, or the problem with the paging parameters.</summary>
    public static bool TryRead(int? page, int? pageSize, out int number, out int size, out IResult? problem)
    {
        number = page ?? 1;
        size = pageSize ?? DefaultPageSize;
        problem = null;
        var errors = new Dictionary<string, string[]>();
        if (number < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {MaxPageSize} items."];
        }

        if (errors.Count == 0)
        {
            return true;
        }

        problem = TypedResults.ValidationProblem(errors, "Please correct the paging parameters.", title: "Invalid input", type: ApiProblems.TypeOf(400));
        return false;
    }

    public static ApiPage<T> Create<T>(HttpContext context, IReadOnlyList<T> items, int page, int pageSize, int total)
    {
        var last = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var links = new ApiPageLinks(
            Link(context, page, pageSize), Link(context, 1, pageSize),
            page > 1 ? Link(context, Math.Min(page - 1, last), pageSize) : null,
            page < last ? Link(context, page + 1, pageSize) : null,
            Link(context, last, pageSize));
        var header = new List<string> { $"<{links.First}>; rel=\"first\"", $"<{links.Last}>; rel=\"last\"" };
        if (links.Prev is not null)
        {
            header.Add($"<{links.Prev}>; rel=\"prev\"");
        }

        if (links.Next is not null)
        {
            header.Add($"<{links.Next}>; rel=\"next\"");
        }

        context.Response.Headers.Link = string.Join(", ", header);
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return new ApiPage<T>(items, page, pageSize, total, links);
    }

    /// <summary>The same request (path and every other query parameter) at another page.</summary>
    private static string Link(HttpContext context, int page, int pageSize)
    {
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var kept = query.Where(q => q.Key is not ("page" or "pageSize"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, kept);
    }
}
